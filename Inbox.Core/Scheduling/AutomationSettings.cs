namespace Inbox.Core.Scheduling;

/// <summary>The automation texts admins edit on the business hours page (one row).</summary>
public class AutomationSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Send <see cref="PendingFollowUpText"/> to pending conversations before their window closes.</summary>
    public bool PendingFollowUpEnabled { get; set; }

    /// <summary>A question for the customer, so that their answer reopens the window.</summary>
    public string PendingFollowUpText { get; set; } = "";

    /// <summary>The follow-up question in other languages (tag → text); <see cref="PendingFollowUpText"/> for everyone else.</summary>
    public Dictionary<string, string> PendingFollowUpTexts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The CSAT question in other languages (tag → text); the configured <c>Inbox:Automations:CsatQuestion</c> for everyone else.</summary>
    public Dictionary<string, string> CsatQuestions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
