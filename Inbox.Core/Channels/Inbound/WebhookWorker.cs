using Inbox.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Processes stored webhook deliveries as soon as one is acknowledged, and on a slow poll for any a crash left behind
/// (at least once per claim lease, so the work of an instance that died is taken over soon after its lease ends).
/// </summary>
public sealed class WebhookWorker(WebhookProcessor processor, WebhookSignal signal, IOptions<ClusterOptions> cluster, ILogger<WebhookWorker> logger) : BackgroundService
{
    private TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Min(10, cluster.Value.ClaimLease.TotalSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await processor.ProcessPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Processing webhook deliveries failed; retrying on the next signal or poll.");
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }
}
