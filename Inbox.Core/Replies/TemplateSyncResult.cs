namespace Inbox.Core.Replies;

/// <summary>How one channel's sync went: counts when Meta answered, else the reason it did not.</summary>
public sealed record TemplateSyncResult(string ChannelKey, int Added, int Updated, int Removed, string? Error)
{
    public bool Succeeded => Error is null;

    public static TemplateSyncResult Failed(string channelKey, string error) => new(channelKey, 0, 0, 0, error);
}
