namespace Inbox.Core.Events;

/// <summary>What about a conversation changed, in a <see cref="ConversationUpdated"/> event.</summary>
public enum ConversationUpdate
{
    /// <summary>Assigned, reassigned or unassigned.</summary>
    Assignment,

    /// <summary>Moved between open, pending and resolved.</summary>
    Status,

    /// <summary>An agent opened it: its unread count went back to zero.</summary>
    Read,
}
