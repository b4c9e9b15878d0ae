using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels.Inbound;

/// <summary>Processes stored webhook deliveries as soon as one is acknowledged, and on a slow poll for any a crash left behind.</summary>
public sealed class WebhookWorker(WebhookProcessor processor, WebhookSignal signal, ILogger<WebhookWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

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
