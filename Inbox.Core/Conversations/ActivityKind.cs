namespace Inbox.Core.Conversations;

public enum ActivityKind
{
    Assigned,
    Unassigned,
    StatusChanged,

    /// <summary>The conversation's team changed (by hand, or routed by auto-assignment).</summary>
    TeamAssigned,

    /// <summary>An automation acted or stood down (away message, reminder, CSAT survey, follow-up), and why.</summary>
    Automation,
}
