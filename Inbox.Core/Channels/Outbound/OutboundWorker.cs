using Inbox.Core.Persistence;
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
    OutboundDispatcher dispatcher,
    OutboundSignal signal,
    IOptions<OutboundOptions> options,
    DatabaseOptions database,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<OutboundWorker> logger) : BackgroundService
{
    /// <summary>Several instances share a PostgreSQL database: a message another one is sending is not this one's to settle.</summary>
    private bool Shared => database.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Settles messages left in flight by the previous run before the app takes requests. With several instances,
    /// only those whose claim is older than the lease, and again every lease while running: an instance that died
    /// mid-send leaves its messages to be settled by another.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await dispatcher.RecoverInterruptedAsync(Shared ? LeaseStart() : null, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    private DateTime LeaseStart() => time.GetUtcNow().UtcDateTime - cluster.Value.ClaimLease;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: SQLite's async calls complete synchronously.
        await Task.Yield();
        var nextSweep = time.GetUtcNow() + cluster.Value.ClaimLease;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Shared && time.GetUtcNow() >= nextSweep)
                {
                    nextSweep = time.GetUtcNow() + cluster.Value.ClaimLease / 2;
                    await dispatcher.RecoverInterruptedAsync(LeaseStart(), stoppingToken);
                }

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
