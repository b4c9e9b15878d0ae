namespace Inbox.Core.Reporting;

/// <summary>
/// What Meta bills a WhatsApp number for in one month (UTC): templates by category, and service (free-form) replies,
/// which Meta bills at the utility rate from 2026-10-01 (docs/platform-rules.md §6). Each message is counted by Meta's
/// own <c>pricing</c> where a status webhook carried it, by inference otherwise.
/// </summary>
/// <param name="Billable">Messages Meta charges for.</param>
/// <param name="FromMeta">Messages whose category and billing came from Meta's <c>pricing</c> rather than inference.</param>
public sealed record WhatsAppSendsRow(string Channel, string Month, int Marketing, int Utility, int Authentication, int OtherTemplates, int Service, int Billable, int FromMeta)
{
    /// <summary>Meta starts billing service replies inside the window from this month.</summary>
    public const string ServiceBilledFrom = WhatsAppPricing.ServiceBilledFrom;

    public int Templates => Marketing + Utility + Authentication + OtherTemplates;

    public bool ServiceBilled => string.CompareOrdinal(Month, ServiceBilledFrom) >= 0;
}
