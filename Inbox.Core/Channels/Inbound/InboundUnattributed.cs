namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// An event the inbox ought to act on but cannot attribute (no message id, no sender, a shape it does not know).
/// Unlike <see cref="InboundIgnored"/> it is never silently acknowledged: its delivery is parked as failed with this
/// reason and a warning is logged, so an admin sees it and a fixed build can replay it.
/// </summary>
public sealed record InboundUnattributed(string Reason) : InboundItem((string?)null);
