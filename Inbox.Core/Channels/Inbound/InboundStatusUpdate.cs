using Inbox.Core.Conversations;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// The platform reports on messages we sent: Messenger deliveries and reads, WhatsApp <c>statuses</c>.
/// Idempotent (statuses only move forward), so it carries no event id.
/// </summary>
/// <param name="PlatformMessageIds">The messages named explicitly (<c>delivery.mids</c>, WhatsApp status id).</param>
/// <param name="CustomerId">The customer whose thread the watermark applies to.</param>
/// <param name="Watermark">Messenger: every message sent up to this instant has reached this state.</param>
/// <param name="Status">Null for a status value Inbox does not know: stored raw, it moves nothing.</param>
/// <param name="ErrorCode">WhatsApp <c>failed</c>: <c>errors[0].code</c>.</param>
public sealed record InboundStatusUpdate(
    IReadOnlyList<string> PlatformMessageIds,
    DeliveryStatus? Status,
    string? CustomerId = null,
    DateTime? Watermark = null,
    string? ErrorCode = null,
    string? ErrorMessage = null) : InboundItem((string?)null)
{
    /// <summary>WhatsApp: the status value as Meta sent it.</summary>
    public string? RawStatus { get; init; }

    /// <summary>WhatsApp: the status's <c>pricing</c> object, Meta's own word on what the message costs.</summary>
    public MessagePricing? Pricing { get; init; }
}
