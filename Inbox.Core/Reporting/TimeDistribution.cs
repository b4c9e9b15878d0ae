namespace Inbox.Core.Reporting;

/// <summary>How fast replies came: counts per bucket, the median and the 90th percentile, and how many got none.</summary>
public sealed record TimeDistribution(IReadOnlyList<TimeBucket> Buckets, int Answered, int Unanswered, double? P50Minutes, double? P90Minutes)
{
    /// <summary>Upper bounds of the buckets, in minutes; the last bucket is everything beyond 24 h.</summary>
    public static readonly (string Label, int Minutes)[] Bounds =
        [("< 5 min", 5), ("< 15 min", 15), ("< 1 h", 60), ("< 4 h", 240), ("< 24 h", 1440), ("> 24 h", int.MaxValue)];

    /// <summary>The distribution of <paramref name="seconds"/> (one per answered turn) plus <paramref name="unanswered"/> turns without reply.</summary>
    public static TimeDistribution Of(IEnumerable<int> seconds, int unanswered) =>
        Of(seconds.GroupBy(s => s).Select(g => ((int?)g.Key, g.Count())).Append((null, unanswered)));

    /// <summary>The distribution from a histogram of (seconds, turns); null seconds count the unanswered turns.</summary>
    public static TimeDistribution Of(IEnumerable<(int? Seconds, int Count)> histogram)
    {
        var rows = histogram.ToList();
        var answered = rows.Where(r => r.Seconds is not null).Select(r => (Value: r.Seconds!.Value, r.Count)).OrderBy(r => r.Value).ToList();
        var buckets = new int[Bounds.Length];
        foreach (var (value, count) in answered)
        {
            var index = 0;
            while (value >= (long)Bounds[index].Minutes * 60)
            {
                index++;
            }

            buckets[index] += count;
        }

        return new TimeDistribution(
            Bounds.Select((b, i) => new TimeBucket(b.Label, buckets[i])).ToList(),
            answered.Sum(r => r.Count), rows.Where(r => r.Seconds is null).Sum(r => r.Count),
            Percentiles.Of(answered, 0.5) / 60, Percentiles.Of(answered, 0.9) / 60);
    }
}
