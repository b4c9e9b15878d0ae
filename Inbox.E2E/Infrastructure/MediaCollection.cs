namespace Inbox.E2E.Infrastructure;

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "Running app with a real Messenger channel";
}
