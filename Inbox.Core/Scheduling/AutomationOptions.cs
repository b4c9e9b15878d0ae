using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Scheduling;

/// <summary>Timing and wording of the automations (<c>Inbox:Automations</c>).</summary>
public sealed class AutomationOptions : IValidatableObject
{
    public const string Section = "Inbox:Automations";

    /// <summary>The window-closing reminder fires this long after the customer's latest message (24 h windows: 1 h before they close).</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(23);

    /// <summary>The second reminder fires this long before the 7-day HUMAN_AGENT window ends.</summary>
    public TimeSpan HumanAgentReminderBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The CSAT question goes this long after a conversation is resolved.</summary>
    public TimeSpan CsatDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The CSAT question, as a free-form message.</summary>
    public string CsatQuestion { get; set; } = "How did we do? Reply with a number from 1 (poor) to 5 (great).";

    /// <summary>WhatsApp outside the 24 h window: this registered utility template (no parameters) asks instead; empty: skip.</summary>
    public string CsatTemplateName { get; set; } = "csat_survey";

    public string CsatTemplateLanguage { get; set; } = "en_US";

    /// <summary>The pending follow-up goes this long before the standard window closes.</summary>
    public TimeSpan PendingFollowUpBefore { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A failing automation is tried again after this delay, up to <see cref="MaxAttempts"/> times in all.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxAttempts { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderAfter <= TimeSpan.Zero || HumanAgentReminderBefore <= TimeSpan.Zero || CsatDelay < TimeSpan.Zero || PendingFollowUpBefore <= TimeSpan.Zero || RetryDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Inbox:Automations delays must be positive.");
        }

        if (MaxAttempts < 1)
        {
            yield return new ValidationResult("Inbox:Automations:MaxAttempts must be at least 1.");
        }
    }
}
