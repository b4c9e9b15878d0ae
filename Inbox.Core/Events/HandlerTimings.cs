using System.Collections.Concurrent;
using System.Diagnostics;

namespace Inbox.Core.Events;

/// <summary>
/// The time spent in each domain event handler since start-up, by handler type: the ingest log line
/// (<see cref="Channels.Inbound.IngestStages"/>) reports what the handlers of its batches cost.
/// </summary>
public sealed class HandlerTimings
{
    private readonly ConcurrentDictionary<string, long> ticks = new();

    /// <summary>Adds <paramref name="since"/>'s elapsed <see cref="Stopwatch"/> ticks to the handler's total.</summary>
    public void Add(Type handler, long since)
    {
        var elapsed = Stopwatch.GetTimestamp() - since;
        // Static lambdas with the elapsed time as argument: this runs for every handler of every event, so no closure per call.
        ticks.AddOrUpdate(handler.Name, static (_, e) => e, static (_, total, e) => total + e, elapsed);
    }

    /// <summary>Each handler's total so far, in <see cref="Stopwatch"/> ticks.</summary>
    public Dictionary<string, long> Snapshot() => new(ticks);
}
