namespace Inbox.Core.Conversations;

public enum ActivityKind
{
    Assigned,
    Unassigned,
    StatusChanged,
}
