using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Outbound;

/// <summary>
/// Runs the dispatcher in the background: once at start-up, whenever a reply is queued, and every
/// <see cref="OutboundOptions.PollInterval"/> (held messages, back-off). The rules live in
/// <see cref="OutboundDispatcher"/>; this only decides when to call it.
/// </summary>
public sealed class OutboundWorker(
    OutboundDispatcher dispatcher, OutboundSignal signal, IOptions<OutboundOptions> options, TimeProvider time, ILogger<OutboundWorker> logger) : BackgroundService
{
    /// <summary>Settles messages left in flight by the previous run before the app takes requests.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await dispatcher.RecoverInterruptedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: SQLite's async calls complete synchronously.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Sending queued messages failed; trying again at the next poll");
            }

            await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
        }
    }
}
