using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Inbox.Bench;

/// <summary>
/// The managed heap of another .NET process after a full collection, read over the runtime's diagnostics port the way
/// <c>dotnet-gcdump</c> does: the GCHeapCollect keyword makes the runtime induce a blocking gen-2 collection, and the
/// heap-stats event that follows it gives the surviving size. No hook in the app itself.
/// </summary>
public static class ManagedHeap
{
    public static async Task<long> AfterFullCollectionAsync(int processId)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var client = new DiagnosticsClient(processId);
        using var session = client.StartEventPipeSession(
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords), requestRundown: false);
        var size = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            var induced = false;
            source.Clr.GCStart += e => induced = e.Reason is GCReason.Induced or GCReason.InducedNotForced && e.Depth == 2;
            source.Clr.GCHeapStats += e =>
            {
                if (induced)
                {
                    size.TrySetResult(e.TotalHeapSize);
                }
            };
            source.Process();
        });

        try
        {
            return await size.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading;
        }
    }
}
