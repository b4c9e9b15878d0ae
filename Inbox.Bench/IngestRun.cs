namespace Inbox.Bench;

/// <summary>What the senders saw: how many were sent and acknowledged, each acknowledgement's latency, and the errors by kind.</summary>
internal sealed class IngestRun
{
    private readonly Dictionary<string, int> errors = [];

    public List<double> Latencies { get; private set; } = new(64 * 1024);

    public long Sent { get; set; }

    public long Acknowledged { get; set; }

    public long Errors { get; private set; }

    public TimeSpan Elapsed { get; set; }

    public double PerSecond => Acknowledged / Elapsed.TotalSeconds;

    public static IngestRun Merge(IEnumerable<IngestRun> runs)
    {
        var total = new IngestRun();
        foreach (var run in runs)
        {
            total.Sent += run.Sent;
            total.Acknowledged += run.Acknowledged;
            total.Latencies.AddRange(run.Latencies);
            foreach (var (kind, count) in run.errors)
            {
                total.errors[kind] = total.errors.GetValueOrDefault(kind) + count;
                total.Errors += count;
            }
        }

        total.Latencies.Sort();
        return total;
    }

    public void Error(string kind)
    {
        errors[kind] = errors.GetValueOrDefault(kind) + 1;
        Errors++;
    }

    public double P(double p) => IngestBenchmark.Percentile(Latencies, p);

    public string ErrorSummary() => errors.Count == 0 ? "" : " (" + string.Join(", ", errors.Select(e => $"{e.Key}: {e.Value}")) + ")";
}
