namespace Inbox.Core.Events;

/// <summary>A customer's name or picture was read from their platform; these conversations show it.</summary>
public sealed record ContactProfileUpdated(int ContactId, IReadOnlyList<int> ConversationIds);
