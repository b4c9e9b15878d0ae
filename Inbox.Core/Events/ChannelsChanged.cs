namespace Inbox.Core.Events;

/// <summary>
/// An admin added, changed or removed the channel <paramref name="ChannelId"/>: whatever an instance keeps of the
/// channels' settings (webhook routes, LINE keys and secrets) is stale, and replies held for it may go now.
/// </summary>
public sealed record ChannelsChanged(int ChannelId);
