namespace Inbox.Core.Replies;

/// <summary>Meta's status words (<c>APPROVED</c>, <c>PAUSED</c>, <c>IN_APPEAL</c>…) and how the inbox names them.</summary>
public static class TemplateStatuses
{
    public static TemplateStatus Parse(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "APPROVED" => TemplateStatus.Approved,
        "PENDING" => TemplateStatus.Pending,
        "REJECTED" => TemplateStatus.Rejected,
        "PAUSED" => TemplateStatus.Paused,
        "DISABLED" => TemplateStatus.Disabled,
        "IN_APPEAL" => TemplateStatus.InAppeal,
        "PENDING_DELETION" => TemplateStatus.PendingDeletion,
        "DELETED" => TemplateStatus.Deleted,
        "LIMIT_EXCEEDED" => TemplateStatus.LimitExceeded,
        "ARCHIVED" => TemplateStatus.Archived,
        _ => TemplateStatus.Unknown,
    };

    /// <summary>"approved", "paused", "in appeal": as shown to agents and admins.</summary>
    public static string Label(TemplateStatus status) => status switch
    {
        TemplateStatus.InAppeal => "in appeal",
        TemplateStatus.PendingDeletion => "pending deletion",
        TemplateStatus.LimitExceeded => "limit exceeded",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>Meta's reason, when it gave one (it says <c>NONE</c> when there is none).</summary>
    public static string? Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase) ? null : reason.Trim();
}
