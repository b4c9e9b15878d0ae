namespace Inbox.Core.Reporting;

/// <summary>First and next response times over a range, in wall-clock time and, when a business calendar exists, in business hours.</summary>
/// <param name="First">Replies to a conversation's first customer turn.</param>
/// <param name="Next">Replies to every later customer turn.</param>
/// <param name="FirstBusiness">Null when no business calendar exists.</param>
public sealed record ResponseTimes(TimeDistribution First, TimeDistribution Next, TimeDistribution? FirstBusiness, TimeDistribution? NextBusiness)
{
    /// <summary>From the wall-clock histogram and, when a business calendar exists, the business-hours one.</summary>
    public static ResponseTimes Of(IReadOnlyList<HistogramRow> wallClock, IReadOnlyList<HistogramRow>? business)
    {
        static TimeDistribution Distribution(IEnumerable<HistogramRow> rows, bool first) =>
            TimeDistribution.Of(rows.Where(r => r.IsFirst == first).Select(r => (r.Seconds, r.Count)));

        return new ResponseTimes(
            Distribution(wallClock, true), Distribution(wallClock, false),
            business is null ? null : Distribution(business, true), business is null ? null : Distribution(business, false));
    }
}
