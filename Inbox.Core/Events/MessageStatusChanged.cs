using Inbox.Core.Conversations;

namespace Inbox.Core.Events;

/// <summary>An outbound message moved on: sent, delivered, read, or failed (with the reason on the message).</summary>
public sealed record MessageStatusChanged(int ConversationId, long MessageId, DeliveryStatus Status);
