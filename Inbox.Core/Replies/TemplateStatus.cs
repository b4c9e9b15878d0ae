namespace Inbox.Core.Replies;

/// <summary>
/// A WhatsApp template's review status at Meta (docs/platform-rules.md §9). Only <see cref="Approved"/> templates can be
/// sent; hand-entered templates are taken as approved, since the admin copied them from Meta's manager.
/// </summary>
public enum TemplateStatus
{
    Approved,
    Pending,
    Rejected,
    Paused,
    Disabled,
    InAppeal,
    PendingDeletion,
    Deleted,
    LimitExceeded,
    Archived,

    /// <summary>A status Meta added after this version; not sendable until known.</summary>
    Unknown,
}
