using System.Diagnostics;
using System.Globalization;
using Inbox.Core.Events;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Where the webhook processor's time goes, stage by stage, written to the log every 10 s while it is busy and when it
/// catches up: operators read it to see what a backlog waits on, and the ingest benchmark sums the lines of its run.
/// </summary>
/// <remarks>
/// A log line rather than metrics: the app has no metrics exporter, and one line per 10 s of work costs nothing. Its
/// form ("Ingest stages: ... ; gate 12 ms, claim 3 ms, ...") is read by <c>Inbox.Bench</c>; keep the two in step.
/// </remarks>
public sealed class IngestStages(HandlerTimings handlers, TimeProvider time, ILogger<IngestStages> logger)
{
    /// <summary>The stages, in the order a batch goes through them.</summary>
    public static readonly string[] Names = ["gate", "claim", "parse", "read", "record", "save", "events"];

    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    private readonly Lock sync = new();
    private readonly long[] ticks = new long[Names.Length];
    private int deliveries;
    private int batches;
    private long since = time.GetTimestamp();
    private Dictionary<string, long> handlersBefore = handlers.Snapshot();

    /// <summary>Adds the time elapsed since <paramref name="start"/> (a <see cref="Stopwatch"/> timestamp) to a stage; returns now, the next stage's start.</summary>
    public long Add(string stage, long start)
    {
        var now = Stopwatch.GetTimestamp();
        lock (sync)
        {
            ticks[Array.IndexOf(Names, stage)] += now - start;
        }

        return now;
    }

    /// <summary>A batch of <paramref name="count"/> deliveries is done; writes the line when 10 s have passed since the last.</summary>
    public void BatchDone(int count)
    {
        lock (sync)
        {
            deliveries += count;
            batches++;
        }

        if (time.GetElapsedTime(since) >= Every)
        {
            Flush();
        }
    }

    /// <summary>Writes the line for the work since the last one, if there was any (the processor has caught up).</summary>
    public void Flush()
    {
        string stages;
        int count, batchCount;
        TimeSpan over;
        Dictionary<string, long> now;
        Dictionary<string, long> before;
        lock (sync)
        {
            if (batches == 0)
            {
                return;
            }

            stages = string.Join(", ", Names.Select((name, i) => $"{name} {Ms(ticks[i])} ms"));
            (count, batchCount, over) = (deliveries, batches, time.GetElapsedTime(since));
            Array.Clear(ticks);
            (deliveries, batches, since) = (0, 0, time.GetTimestamp());
            now = handlers.Snapshot();
            (before, handlersBefore) = (handlersBefore, now);
        }

        var spent = now.Select(h => (h.Key, Ticks: h.Value - before.GetValueOrDefault(h.Key))).Where(h => h.Ticks > 0).OrderByDescending(h => h.Ticks);
        logger.LogInformation(
            "Ingest stages: {Deliveries} deliveries in {Batches} batches over {Seconds} s; {Stages}; handlers: {Handlers}",
            count, batchCount, over.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture), stages,
            string.Join(", ", spent.Select(h => $"{h.Key} {Ms(h.Ticks)} ms")));
    }

    private static string Ms(long stopwatchTicks) => (stopwatchTicks * 1000 / Stopwatch.Frequency).ToString(CultureInfo.InvariantCulture);
}
