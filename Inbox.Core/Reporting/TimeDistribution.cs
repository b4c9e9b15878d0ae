namespace Inbox.Core.Reporting;

/// <summary>How fast replies came: counts per bucket, the median and the 90th percentile, and how many got none.</summary>
public sealed record TimeDistribution(IReadOnlyList<TimeBucket> Buckets, int Answered, int Unanswered, double? P50Minutes, double? P90Minutes)
{
    /// <summary>Upper bounds of the buckets, in minutes; the last bucket is everything beyond 24 h.</summary>
    public static readonly (string Label, int Minutes)[] Bounds =
        [("< 5 min", 5), ("< 15 min", 15), ("< 1 h", 60), ("< 4 h", 240), ("< 24 h", 1440), ("> 24 h", int.MaxValue)];

    /// <summary>The distribution of <paramref name="seconds"/> (one per answered turn) plus <paramref name="unanswered"/> turns without reply.</summary>
    public static TimeDistribution Of(IEnumerable<int> seconds, int unanswered)
    {
        var sorted = seconds.Order().ToList();
        var buckets = new int[Bounds.Length];
        foreach (var value in sorted)
        {
            var index = 0;
            while (value >= (long)Bounds[index].Minutes * 60)
            {
                index++;
            }

            buckets[index]++;
        }

        return new TimeDistribution(
            Bounds.Select((b, i) => new TimeBucket(b.Label, buckets[i])).ToList(),
            sorted.Count, unanswered, Percentiles.Of(sorted, 0.5) / 60, Percentiles.Of(sorted, 0.9) / 60);
    }
}
