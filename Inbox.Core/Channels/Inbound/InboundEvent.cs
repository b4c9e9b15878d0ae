namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// The platform's own id of an event already handled on a channel (<c>mid</c>, <c>wamid</c>, <c>webhookEventId</c>,
/// a comment id). Written in the same transaction as the event's effects, so a redelivery finds it and does nothing.
/// </summary>
public class InboundEvent
{
    public long Id { get; set; }

    public int ChannelId { get; set; }

    public required string EventId { get; set; }

    public long DeliveryId { get; set; }

    public DateTime ProcessedAt { get; set; }
}
