namespace Inbox.Core.Reporting;

/// <summary>
/// Facebook's "Very responsive" rules (docs/platform-rules.md §7), as pure functions of a channel's counted messages. The span is
/// the N days before the latest counted message, or the last 10 counted messages when fewer fell in it; response
/// time is the mean of the fastest 90 % of replies (some copies say the median: both are computed).
/// </summary>
public static class BadgeRules
{
    /// <summary>Fewer counted messages than this in a span: the last this-many are used instead.</summary>
    public const int MinimumMessages = 10;

    /// <summary>Readings this close to a threshold make the verdict "at risk" even when they meet it.</summary>
    public const double RateMargin = 0.02;

    public const double MinutesMargin = 3;

    private const int OffenderCount = 5;

    public static BadgeEstimate Estimate(int channelId, string channelName, IEnumerable<CountedMessage> messages, DateTime now)
    {
        var known = messages.Where(m => m.ReceivedAt <= now).ToList();
        var counted = known.Where(m => m.Excluded is null).OrderBy(m => m.ReceivedAt).ToList();
        var week = Span(counted, 7, out _);
        var month = Span(counted, 30, out var monthMessages);
        var offenders = monthMessages
            .Where(m => m.ResponseSeconds is null || m.ResponseSeconds > BadgeSpan.MinutesThreshold * 60)
            .OrderBy(m => m.ResponseSeconds is not null)
            .ThenByDescending(m => m.ResponseSeconds)
            .ThenBy(m => m.ReceivedAt)
            .Take(OffenderCount)
            .Select(m => new BadgeOffender(m.ConversationId, m.ReceivedAt, m.ResponseSeconds))
            .ToList();
        return new BadgeEstimate(channelId, channelName, week, month, known.Count - counted.Count, Verdict(week, month), offenders);
    }

    /// <summary>The figures over the <paramref name="days"/> before the latest of ascending <paramref name="counted"/>.</summary>
    public static BadgeSpan Span(IReadOnlyList<CountedMessage> counted, int days, out IReadOnlyList<CountedMessage> used)
    {
        if (counted.Count == 0)
        {
            used = [];
            return new BadgeSpan(days, false, null, null, 0, 0, null, null, null);
        }

        var latest = counted[^1].ReceivedAt;
        var inSpan = counted.Where(m => m.ReceivedAt > latest.AddDays(-days)).ToList();
        var lastTen = inSpan.Count < MinimumMessages;
        used = lastTen ? counted.TakeLast(MinimumMessages).ToList() : inSpan;
        var times = used.Where(m => m.ResponseSeconds is not null).Select(m => m.ResponseSeconds!.Value).Order().ToList();
        return new BadgeSpan(
            days, lastTen, used[0].ReceivedAt, latest, used.Count, times.Count,
            (double)times.Count / used.Count,
            Percentiles.MeanOfFastest(times, 0.9) / 60,
            Percentiles.Of(times, 0.5) / 60);
    }

    /// <summary>Yes when every reading meets both thresholds with a margin; no when none meets them; at risk otherwise.</summary>
    public static BadgeVerdict Verdict(BadgeSpan week, BadgeSpan month)
    {
        var readings = new[] { week.MeetsWithMean, week.MeetsWithMedian, month.MeetsWithMean, month.MeetsWithMedian };
        if (!readings.Contains(true))
        {
            return BadgeVerdict.No;
        }

        var comfortable = new[] { week, month }.All(s =>
            s.ResponseRate >= BadgeSpan.RateThreshold + RateMargin
            && s.MeanFastest90Minutes <= BadgeSpan.MinutesThreshold - MinutesMargin
            && s.MedianMinutes <= BadgeSpan.MinutesThreshold - MinutesMargin);
        return readings.All(r => r) && comfortable ? BadgeVerdict.Yes : BadgeVerdict.AtRisk;
    }
}
