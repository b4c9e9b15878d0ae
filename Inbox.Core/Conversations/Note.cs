namespace Inbox.Core.Conversations;

/// <summary>
/// An internal note on a conversation, for the team only. Notes live in their own table, never among the
/// messages, so the sender cannot pick one up and send it to the customer.
/// </summary>
public class Note
{
    public long Id { get; set; }

    public int ConversationId { get; set; }

    /// <summary>The agent who wrote it, when the writer is an agent.</summary>
    public int? AgentId { get; set; }

    /// <summary>The writer's name as it was when the note was written.</summary>
    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
