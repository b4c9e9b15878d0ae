namespace Inbox.Core.Channels.Inbound;

/// <summary>What became of one webhook POST, and the detail to answer with.</summary>
/// <param name="DeliveryId">The stored delivery; null when nothing needed storing.</param>
public sealed record WebhookAcceptance(WebhookOutcome Outcome, string Detail, long? DeliveryId = null);
