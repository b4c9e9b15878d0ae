using System.Diagnostics;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Events;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>The processor's stage line: what it adds up, and when it is written.</summary>
public sealed class IngestStagesTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider time = TestClock.New();
    private readonly HandlerTimings handlers = new();
    private readonly RecordingLogger<IngestStages> log = new();

    [Fact]
    public void BatchDone_WithinTenSeconds_WritesNothing_ThenOneLineWithTheSums()
    {
        var stages = new IngestStages(handlers, time, log);
        stages.Add("save", Stopwatch.GetTimestamp() - Stopwatch.Frequency / 4);
        stages.BatchDone(64);
        time.Advance(TimeSpan.FromSeconds(9));
        stages.Add("save", Stopwatch.GetTimestamp() - Stopwatch.Frequency / 4);
        stages.Add("read", Stopwatch.GetTimestamp() - Stopwatch.Frequency / 10);
        stages.BatchDone(36);
        Assert.Empty(log.Lines);

        time.Advance(TimeSpan.FromSeconds(1));
        stages.BatchDone(1);

        var line = Assert.Single(log.Lines);
        Assert.StartsWith("Ingest stages: 101 deliveries in 3 batches over 10.0 s; gate 0 ms, claim 0 ms, parse 0 ms, read ", line);
        Assert.Contains(" save 5", line);
        Assert.Equal(["gate", "claim", "parse", "read", "record", "save", "events"], IngestStages.Names);
    }

    [Fact]
    public void Flush_NamesTheHandlersThatRanSinceTheLastLine_MostCostlyFirst()
    {
        var stages = new IngestStages(handlers, time, log);
        handlers.Add(typeof(SlowHandler), Stopwatch.GetTimestamp() - Stopwatch.Frequency);
        stages.BatchDone(1);
        stages.Flush();
        handlers.Add(typeof(QuickHandler), Stopwatch.GetTimestamp() - Stopwatch.Frequency / 100);
        handlers.Add(typeof(SlowHandler), Stopwatch.GetTimestamp() - Stopwatch.Frequency / 2);
        stages.BatchDone(1);
        stages.Flush();
        stages.Flush();

        Assert.Equal(2, log.Lines.Count);
        Assert.Matches(@"handlers: SlowHandler 1\d{3} ms$", log.Lines[0]);
        Assert.Matches(@"handlers: SlowHandler [5-9]\d\d ms, QuickHandler \d+ ms$", log.Lines[1]);
    }

    private sealed class SlowHandler;

    private sealed class QuickHandler;
}
