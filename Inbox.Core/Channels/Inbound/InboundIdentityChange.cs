namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// WhatsApp reports that a customer's BSUID (and perhaps phone number) changed: the contact moves to the new identity,
/// keeping its conversations, instead of the next message starting a stranger's thread. Applying it twice changes
/// nothing the second time, since the previous identity is gone by then.
/// </summary>
/// <param name="EventId">The system message's <c>wamid</c>, when the change came as one; null for <c>user_id_update</c>.</param>
/// <param name="Previous">The identity as it was: the previous BSUID and/or the previous phone number.</param>
/// <param name="Current">The identity now: the new BSUID, parent BSUID and, when shared, the new phone number.</param>
public sealed record InboundIdentityChange(string? EventId, InboundIdentity Previous, InboundIdentity Current) : InboundItem(EventId);
