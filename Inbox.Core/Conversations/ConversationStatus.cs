namespace Inbox.Core.Conversations;

public enum ConversationStatus
{
    Open,

    /// <summary>Waiting on someone else (another department, the customer).</summary>
    Pending,

    Resolved,
}
