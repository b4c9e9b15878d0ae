namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// One event from a webhook, in the inbox's terms, read off the platform's payload by a parser and applied by
/// <see cref="InboundRecorder"/>. Parsing is pure, so every payload shape is unit-tested without a database.
/// </summary>
/// <param name="EventId">The platform's own id for de-duplication (<c>mid</c>, <c>wamid</c>, <c>webhookEventId</c>, comment id); null for idempotent events.</param>
public abstract record InboundItem(string? EventId);
