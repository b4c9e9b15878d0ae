namespace Inbox.Core.Conversations;

/// <summary>One entry of a conversation's activity log: who did what, when. Never edited.</summary>
public class ConversationActivity
{
    public long Id { get; set; }

    public int ConversationId { get; set; }

    public DateTime At { get; set; }

    public ActivityKind Kind { get; set; }

    /// <summary>The person or API client that acted.</summary>
    public required string Actor { get; set; }

    public required string Detail { get; set; }
}
