namespace Inbox.Core.Reporting;

/// <summary>
/// One satisfaction survey sent after a conversation, and its answer when one came. Written by whoever sends surveys
/// (see <see cref="CsatRecorder"/>); the dashboard only reads it.
/// </summary>
public class CsatFact
{
    public long Id { get; set; }

    public int ConversationId { get; set; }

    public int ChannelId { get; set; }

    public int? TeamId { get; set; }

    /// <summary>The conversation's assignee when the survey went out.</summary>
    public int? AgentId { get; set; }

    public DateTime SentAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>1 (very unhappy) to 5 (very happy); null until answered.</summary>
    public int? Score { get; set; }
}
