namespace Inbox.Core.Audit;

/// <summary>One admin action, as it happened. Append-only: the database refuses updates and deletes of these rows.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who acted: an admin's name, or "configuration" for start-up upserts.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done, e.g. <c>channel.updated</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. <c>channel acme-fb</c>.</summary>
    public required string Target { get; set; }

    /// <summary>Which fields changed; secrets are named ("access token replaced"), never written.</summary>
    public string? Detail { get; set; }
}
