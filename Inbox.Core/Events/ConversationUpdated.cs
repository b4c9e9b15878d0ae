namespace Inbox.Core.Events;

/// <summary>A conversation's assignment or status changed (raised only when it really changed).</summary>
public sealed record ConversationUpdated(int ConversationId, ConversationUpdate What);
