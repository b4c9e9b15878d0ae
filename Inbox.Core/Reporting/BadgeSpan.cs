namespace Inbox.Core.Reporting;

/// <summary>The badge figures over one span (7 or 30 days before the latest counted message).</summary>
/// <param name="Days">The nominal span.</param>
/// <param name="UsedLastTen">Fewer than 10 counted messages fell in the span, so the last 10 were used instead (Facebook's rule).</param>
/// <param name="Counted">Counted messages the figures are over (exclusions already removed).</param>
/// <param name="ResponseRate">Share of <paramref name="Counted"/> that got a human or API reply, 0–1; null without messages.</param>
/// <param name="MeanFastest90Minutes">Mean response time of the fastest 90 % of replies.</param>
/// <param name="MedianMinutes">Median response time of the replies.</param>
public sealed record BadgeSpan(
    int Days, bool UsedLastTen, DateTime? From, DateTime? To, int Counted, int Answered,
    double? ResponseRate, double? MeanFastest90Minutes, double? MedianMinutes)
{
    /// <summary>Facebook: response rate of at least 90 % …</summary>
    public const double RateThreshold = 0.9;

    /// <summary>… and a response time of at most 15 minutes.</summary>
    public const double MinutesThreshold = 15;

    public bool MeetsWithMean => Meets(MeanFastest90Minutes);

    public bool MeetsWithMedian => Meets(MedianMinutes);

    private bool Meets(double? minutes) => ResponseRate >= RateThreshold && minutes <= MinutesThreshold;
}
