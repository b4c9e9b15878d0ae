namespace Inbox.Core.Channels.Inbound;

/// <summary>An event the inbox does not act on (reactions, follows, group chats, edits…): logged and acknowledged, never an error.</summary>
public sealed record InboundIgnored(string What) : InboundItem((string?)null);
