namespace Inbox.Core.Conversations;

/// <summary>The saved views of the inbox list, shown as tabs.</summary>
public enum InboxView
{
    /// <summary>Open conversations assigned to the signed-in agent.</summary>
    Mine,

    /// <summary>Open conversations nobody is assigned to.</summary>
    Unassigned,

    /// <summary>Every open conversation.</summary>
    AllOpen,

    /// <summary>Open conversations whose reply window ends within <see cref="InboxViews.ExpiringSoon"/>.</summary>
    Expiring,

    /// <summary>Conversations waiting on the customer or a third party.</summary>
    Pending,

    /// <summary>Finished conversations.</summary>
    Resolved,
}
