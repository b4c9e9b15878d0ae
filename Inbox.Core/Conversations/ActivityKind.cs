namespace Inbox.Core.Conversations;

public enum ActivityKind
{
    Assigned,
    Unassigned,
    StatusChanged,

    /// <summary>The conversation's team changed (by hand, or routed by auto-assignment).</summary>
    TeamAssigned,
}
