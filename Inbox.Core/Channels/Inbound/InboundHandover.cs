namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// WhatsApp <c>messaging_handovers</c>: who holds a conversation changed. Idempotent (it sets a state), so it carries
/// no event id.
/// </summary>
/// <param name="CustomerKey">The contact's key (BSUID, else phone number).</param>
/// <param name="MetaAgentActive">Whether Meta's AI agent (or another app) holds the conversation now, rather than the inbox.</param>
public sealed record InboundHandover(string CustomerKey, bool MetaAgentActive, DateTime At) : InboundItem((string?)null);
