using Inbox.Core.Conversations;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Our record of one automation for one conversation: the truth the Hangfire job is checked against. A firing acts
/// only after claiming the row (Scheduled → Running, with the due time it was scheduled for), so a stale or duplicate
/// trigger does nothing, and the Jobs page reads due times and outcomes from here.
/// </summary>
public class ScheduledAutomation
{
    public long Id { get; set; }

    public int ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public AutomationKind Kind { get; set; }

    public AutomationState State { get; set; }

    /// <summary>When it is (or was) due, UTC.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>What the last firing or cancellation did, in words.</summary>
    public string? Outcome { get; set; }

    /// <summary>Failed attempts for the current due time.</summary>
    public int Failures { get; set; }

    public DateTime? LastRunAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
