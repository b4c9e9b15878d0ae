namespace Inbox.Core.Events;

/// <summary>An outbound message was queued and waits for the sender.</summary>
public sealed record MessageQueued(int ConversationId, long MessageId);
