namespace Inbox.Core.Channels.Inbound;

/// <summary>A LINE channel as the webhook endpoint needs it: its id and the secret its webhooks are signed with.</summary>
public sealed record LineAddress(int ChannelId, string? ChannelSecret);
