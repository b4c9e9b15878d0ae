using Inbox.Core.Localization;

namespace Inbox.Core.Replies;

/// <summary>How one channel's sync went: counts when Meta answered, else the reason it did not.</summary>
/// <param name="Problem">Why the sync failed, worded at the edge in the reader's language; Meta's own message stays a value.</param>
public sealed record TemplateSyncResult(string ChannelKey, int Added, int Updated, int Removed, Phrase? Problem)
{
    public bool Succeeded => Problem is null;

    /// <summary><see cref="Problem"/> in English, for logs and tests.</summary>
    public string? Error => Problem?.ToString();

    public static TemplateSyncResult Failed(string channelKey, Phrase problem) => new(channelKey, 0, 0, 0, problem);
}
