namespace Inbox.Core.Events;

/// <summary>An admin entered a new access token for a channel whose token the platform had refused: held sends may go again.</summary>
public sealed record ChannelReauthorised(int ChannelId);
