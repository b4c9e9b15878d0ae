namespace Inbox.Core.Scheduling;

/// <summary>Where a scheduled automation stands.</summary>
public enum AutomationState
{
    /// <summary>Waiting for its due time.</summary>
    Scheduled,

    /// <summary>Claimed by a firing; a row left here means the app stopped while it ran.</summary>
    Running,

    /// <summary>Fired and acted (message queued, reminder shown).</summary>
    Done,

    /// <summary>Fired, but the facts had changed (answered, reopened, window closed…): nothing was sent. The outcome says why.</summary>
    Skipped,

    /// <summary>Cancelled before it fired (an agent answered, the conversation reopened, an admin cancelled it).</summary>
    Cancelled,

    /// <summary>Failed on every attempt; the outcome holds the last error.</summary>
    Failed,
}
