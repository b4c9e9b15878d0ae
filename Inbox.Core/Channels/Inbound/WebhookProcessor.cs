using System.Text;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Turns stored webhook deliveries into conversations, oldest first, one at a time. Runs after the platform was
/// answered and again after a restart, so a crash between the 200 and the processing loses nothing; every event
/// is keyed, so running a delivery twice changes nothing the second time.
/// </summary>
public sealed class WebhookProcessor(
    IDbContextFactory<InboxDbContext> contexts, InboundRecorder recorder, TimeProvider time, ILogger<WebhookProcessor> logger)
{
    /// <summary>A delivery that throws this many times is parked as <see cref="WebhookDeliveryState.Failed"/> for an admin to look at.</summary>
    public const int MaxAttempts = 5;

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Processes every pending delivery; returns how many were processed successfully.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var processed = 0;
            var after = 0L;
            while (true)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var batch = await db.WebhookDeliveries.AsNoTracking()
                    .Where(d => d.State == WebhookDeliveryState.Pending && d.Id > after)
                    .OrderBy(d => d.Id)
                    .Take(50)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    if (processed > 0)
                    {
                        // Operators (and the crash test) read this as "caught up".
                        logger.LogInformation("Webhook deliveries processed: {Count}; none pending.", processed);
                    }

                    return processed;
                }

                foreach (var delivery in batch)
                {
                    after = delivery.Id;
                    processed += await ProcessAsync(delivery, cancellationToken) ? 1 : 0;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> ProcessAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            foreach (var (channelId, item) in await ItemsAsync(delivery, cancellationToken))
            {
                await recorder.ApplyAsync(channelId, delivery.Id, item, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Webhook delivery {Id} failed on attempt {Attempt}.", delivery.Id, delivery.Attempts + 1);
            error = ex.Message;
        }

        var attempts = delivery.Attempts + 1;
        var state = error is null ? WebhookDeliveryState.Processed : attempts >= MaxAttempts ? WebhookDeliveryState.Failed : WebhookDeliveryState.Pending;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
            d => d.SetProperty(x => x.State, state)
                .SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.Error, error)
                .SetProperty(x => x.ProcessedAt, state == WebhookDeliveryState.Pending ? null : time.GetUtcNow().UtcDateTime),
            cancellationToken);
        return error is null;
    }

    private async Task<IReadOnlyList<(int ChannelId, InboundItem Item)>> ItemsAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        if (delivery.Platform == WebhookPlatform.Line)
        {
            return LineWebhookParser.Parse(body, delivery.ReceivedAt).Select(item => (delivery.ChannelId!.Value, item)).ToList();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var routes = await MetaRoutes.LoadAsync(db, cancellationToken);
        var items = new List<(int, InboundItem)>();
        foreach (var entry in MetaWebhookParser.Parse(body, delivery.ReceivedAt).Entries)
        {
            if (routes.TryGetValue((entry.Kind, entry.ExternalId), out var channelId))
            {
                items.AddRange(entry.Items.Select(item => (channelId, item)));
            }
            else
            {
                logger.LogWarning("Webhook delivery {Id}: {Count} events for unknown {Kind} account {ExternalId} skipped.", delivery.Id, entry.Items.Count, entry.Kind, entry.ExternalId);
            }
        }

        return items;
    }
}
