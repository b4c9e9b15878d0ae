namespace Inbox.E2E.Infrastructure;

/// <summary>
/// Routing tests change the demo team's auto-assignment and members: they get an app of their own,
/// so conversations the other tests create are never auto-assigned under them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RoutingCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Routing app";
}
