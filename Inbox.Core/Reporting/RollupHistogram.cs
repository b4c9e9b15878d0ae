namespace Inbox.Core.Reporting;

/// <summary>
/// Percentiles cannot be added up, but their rank can: from the turns per bucket it finds the buckets in which each
/// wanted percentile's two neighbouring values lie (as <see cref="Percentiles.Of(IReadOnlyList{ValueTuple{int, int}}, double)"/>
/// reads them), and puts the exact seconds of those buckets, read from the facts, in place of their counts. Every other
/// bucket stands at its lower bound: its values keep their order against the exact ones, so the bars (whose bounds
/// are bucket bounds), the counts and the wanted percentiles come out exactly as from the facts.
/// </summary>
internal sealed class RollupHistogram
{
    private readonly List<HistogramRow> buckets;
    private readonly HashSet<(int? Agent, int Bucket)> exact = [];

    /// <param name="buckets">Turns per (agent or null, first or next, bucket); <see cref="RollupBuckets.Unanswered"/> for no reply. Rows may repeat a key.</param>
    /// <param name="wanted">The percentiles to get exactly: of first turns (true), next ones (false) or all (null).</param>
    public RollupHistogram(IEnumerable<HistogramRow> buckets, IReadOnlyList<(bool? IsFirst, double Q)> wanted)
    {
        this.buckets = buckets.GroupBy(r => (r.AgentId, r.IsFirst, Bucket: r.Seconds!.Value))
            .Select(g => new HistogramRow(g.Key.AgentId, g.Key.IsFirst, g.Key.Bucket, g.Sum(r => r.Count)))
            .Where(r => r.Count != 0)
            .ToList();
        foreach (var agent in this.buckets.GroupBy(r => r.AgentId))
        {
            foreach (var (isFirst, q) in wanted)
            {
                var answered = agent.Where(r => r.Seconds >= 0 && (isFirst is null || r.IsFirst == isFirst))
                    .GroupBy(r => r.Seconds!.Value).Select(g => (Bucket: g.Key, Count: (long)g.Sum(r => r.Count))).OrderBy(b => b.Bucket).ToList();
                var total = answered.Sum(b => b.Count);
                if (total == 0)
                {
                    continue;
                }

                var below = (long)Math.Floor(q * (total - 1));
                exact.Add((agent.Key, BucketAt(answered, below)));
                exact.Add((agent.Key, BucketAt(answered, Math.Min(below + 1, total - 1))));
            }
        }
    }

    /// <summary>The buckets whose exact seconds <see cref="Compose"/> needs.</summary>
    public IReadOnlyList<int> BucketsToRead => exact.Select(e => e.Bucket).Distinct().Order().ToList();

    /// <summary>The histogram, from <paramref name="seconds"/>: the range's turns per exact second in <see cref="BucketsToRead"/>.</summary>
    public List<HistogramRow> Compose(IEnumerable<HistogramRow> seconds) =>
    [
        .. buckets.Where(r => !exact.Contains((r.AgentId, r.Seconds!.Value)))
            .Select(r => r.Seconds == RollupBuckets.Unanswered ? r with { Seconds = null } : r),
        .. seconds.Where(r => exact.Contains((r.AgentId, RollupBuckets.Of(r.Seconds!.Value)))),
    ];

    private static int BucketAt(List<(int Bucket, long Count)> answered, long index)
    {
        foreach (var (bucket, count) in answered)
        {
            if (index < count)
            {
                return bucket;
            }

            index -= count;
        }

        return answered[^1].Bucket;
    }
}
