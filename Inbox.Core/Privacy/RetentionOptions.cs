using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Privacy;

/// <summary>How long personal data is kept (<c>Inbox:Retention</c>); the daily retention job applies it.</summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Inbox:Retention";

    /// <summary>
    /// Raw webhook bodies of processed deliveries are cleared this long after processing; the row (its id, time and
    /// state) stays. Pending and failed deliveries are never touched. Empty: kept for ever.
    /// </summary>
    public TimeSpan? WebhookBodies { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Resolved conversations are deleted (with their messages, notes, activity and report facts) this long after they
    /// were resolved, and their contacts once no conversation is left. Empty (the default): kept for ever.
    /// </summary>
    public TimeSpan? ResolvedConversations { get; set; }

    /// <summary>Rows changed per write, so a large first run never holds the database's write lock for long.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebhookBodies is { } bodies && bodies <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Inbox:Retention:WebhookBodies must be positive (e.g. 30.00:00:00), or empty to keep them.");
        }

        if (ResolvedConversations is { } resolved && resolved <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Inbox:Retention:ResolvedConversations must be positive (e.g. 365.00:00:00), or empty to keep them.");
        }
    }
}
