namespace Inbox.Core.Scheduling;

/// <summary>What a scheduled automation does when it comes due. At most one of each kind is scheduled per conversation.</summary>
public enum AutomationKind
{
    /// <summary>Tell the assignee (or the team) that the standard window is about to close unanswered.</summary>
    WindowReminder,

    /// <summary>Tell them again before the 7-day HUMAN_AGENT window ends (Messenger/Instagram with Human Agent approval).</summary>
    HumanAgentReminder,

    /// <summary>Ask the customer for a 1–5 rating after the conversation was resolved.</summary>
    CsatSurvey,

    /// <summary>Ask a pending conversation's customer a question before the window closes, so their answer reopens it.</summary>
    PendingFollowUp,
}
