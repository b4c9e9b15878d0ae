namespace Inbox.Core.Channels.Inbound;

/// <summary>An event the inbox deliberately does not act on (<see cref="IgnoredEvent"/>): logged and acknowledged, never an error.</summary>
public sealed record InboundIgnored(IgnoredEvent Kind, string What) : InboundItem((string?)null);
