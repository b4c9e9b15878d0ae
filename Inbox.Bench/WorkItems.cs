using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Inbox.Bench;

/// <summary>
/// How many thread-pool work items another .NET process completes over a window, read from the runtime's own
/// <c>System.Runtime</c> counters over the diagnostics port (as <c>dotnet-counters</c> does). An idle tab's server CPU
/// is mostly what each wake-up costs (a worker woken, running a few microseconds, then spinning before it sleeps), so
/// the count of wake-ups is the steady figure behind the noisy CPU one.
/// </summary>
public sealed class WorkItems : IAsyncDisposable
{
    private const string Counter = "threadpool-completed-items-count";
    private readonly EventPipeSession session;
    private readonly Task reading;
    private double completed;

    private WorkItems(EventPipeSession session)
    {
        this.session = session;
        reading = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            source.Dynamic.All += e =>
            {
                if (e.EventName == "EventCounters" && e.PayloadValue(0) is IDictionary<string, object> outer
                    && outer["Payload"] is IDictionary<string, object> payload && (string)payload["Name"] == Counter)
                {
                    // Only this reading thread writes the sum; Completed reads it from another.
                    Volatile.Write(ref completed, completed + Convert.ToDouble(payload["Increment"]));
                }
            };
            source.Process();
        });
    }

    /// <summary>Starts counting; each second's increment is added as the runtime reports it.</summary>
    public static WorkItems Start(int processId) => new(new DiagnosticsClient(processId).StartEventPipeSession(
        new EventPipeProvider("System.Runtime", EventLevel.Informational, (long)EventKeywords.All,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" }),
        requestRundown: false));

    /// <summary>The items completed so far.</summary>
    public double Completed => Volatile.Read(ref completed);

    public async ValueTask DisposeAsync()
    {
        await session.StopAsync(CancellationToken.None);
        await reading;
        session.Dispose();
    }
}
