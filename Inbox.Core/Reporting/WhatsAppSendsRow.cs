namespace Inbox.Core.Reporting;

/// <summary>
/// What Meta bills a WhatsApp number for in one month (UTC): templates by category, and service (free-form) replies,
/// which Meta bills at the utility rate from 2026-10-01 (docs/platform-rules.md §6).
/// </summary>
public sealed record WhatsAppSendsRow(string Channel, string Month, int Marketing, int Utility, int Authentication, int OtherTemplates, int Service)
{
    /// <summary>Meta starts billing service replies inside the window from this month.</summary>
    public const string ServiceBilledFrom = "2026-10";

    public int Templates => Marketing + Utility + Authentication + OtherTemplates;

    public bool ServiceBilled => string.CompareOrdinal(Month, ServiceBilledFrom) >= 0;

    /// <summary>Messages Meta charges for: every template, and service replies once they are billed.</summary>
    public int Billable => Templates + (ServiceBilled ? Service : 0);
}
