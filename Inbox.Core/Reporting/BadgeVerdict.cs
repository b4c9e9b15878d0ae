namespace Inbox.Core.Reporting;

/// <summary>The plain answer to "does the Page keep the Very responsive badge?".</summary>
public enum BadgeVerdict
{
    /// <summary>Every reading (7 and 30 days, mean and median) meets both thresholds with a margin.</summary>
    Yes,

    /// <summary>Some readings meet the thresholds and some do not, or all meet them only narrowly.</summary>
    AtRisk,

    /// <summary>No reading meets both thresholds.</summary>
    No,
}
