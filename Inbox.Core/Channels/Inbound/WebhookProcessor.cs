using System.Text;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Turns stored webhook deliveries into conversations, oldest first. Runs after the platform was answered and again
/// after a restart, so a crash between the 200 and the processing loses nothing; every event is keyed, so running a
/// delivery twice changes nothing the second time.
/// </summary>
/// <remarks>
/// Deliveries are applied in batches: one transaction records the events of many deliveries and marks them processed,
/// and the domain events of the whole batch are handled together after the commit. A busy number's backlog is thus
/// paid in commits per batch, not per message. Instances sharing a PostgreSQL database each claim their own batches
/// (<see cref="DeliveryClaims"/>). When a batch fails, its deliveries are retried one by one, so a single
/// bad delivery is counted and parked without holding up the others.
/// </remarks>
public sealed class WebhookProcessor(
    IDbContextFactory<InboxDbContext> contexts,
    InboundRecorder recorder,
    WebhookAddressBook addresses,
    IngestWriteGate gate,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<WebhookProcessor> logger)
{
    /// <summary>A delivery that throws this many times is parked as <see cref="WebhookDeliveryState.Failed"/> for an admin to look at.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Most deliveries in one transaction: small enough that the write lock is back within tens of milliseconds.</summary>
    private const int BatchSize = 64;

    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>Processes every pending delivery; returns how many were processed successfully.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        await running.WaitAsync(cancellationToken);
        try
        {
            var processed = 0;
            var after = 0L;
            while (true)
            {
                List<WebhookDelivery> pending;
                await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                {
                    pending = await DeliveryClaims.NextAsync(
                        db, after, BatchSize, cluster.Value.Instance, time.GetUtcNow().UtcDateTime, cluster.Value.ClaimLease, cancellationToken);
                }

                if (pending.Count == 0)
                {
                    if (processed > 0)
                    {
                        // Operators (and the crash test) read this as "caught up".
                        logger.LogInformation("Webhook deliveries processed: {Count}; none pending.", processed);
                    }

                    return processed;
                }

                if (await ProcessBatchAsync(pending, cancellationToken) is > 0 and var done)
                {
                    processed += done;
                    after = pending[^1].Id;
                    continue;
                }

                // The batch failed as a whole: one by one, so the bad delivery is found, counted and, in the end, parked.
                foreach (var delivery in pending)
                {
                    after = delivery.Id;
                    processed += await ProcessAloneAsync(delivery, cancellationToken) ? 1 : 0;
                }
            }
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>Applies the deliveries in one transaction with one save; returns how many, or 0 if it failed.</summary>
    private async Task<int> ProcessBatchAsync(IReadOnlyList<WebhookDelivery> pending, CancellationToken cancellationToken)
    {
        InboundUnit unit;
        try
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var routes = await RoutesAsync(cancellationToken);
            var items = pending.SelectMany(delivery => Items(routes, delivery).Select(i => (delivery.Id, i.ChannelId, i.Item))).ToList();
            unit = await InboundUnit.BatchAsync(db, [.. items.Select(i => (i.ChannelId, i.Item))], cancellationToken);
            foreach (var (deliveryId, channelId, item) in items)
            {
                await recorder.RecordAsync(unit, channelId, deliveryId, item, cancellationToken);
            }

            await unit.SaveAsync(cancellationToken);
            var parked = items.GroupBy(i => i.Id).Select(g => (Id: g.Key, Reason: Unattributed(g.Select(i => i.Item)))).Where(p => p.Reason is not null).ToList();
            var ids = pending.Select(d => d.Id).Except(parked.Select(p => p.Id)).ToList();
            var now = time.GetUtcNow().UtcDateTime;
            await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(
                d => d.SetProperty(x => x.State, WebhookDeliveryState.Processed)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                    .SetProperty(x => x.Error, (string?)null)
                    .SetProperty(x => x.ProcessedAt, now),
                cancellationToken);
            foreach (var (id, reason) in parked)
            {
                await ParkAsync(db, id, reason!, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("A batch of {Count} webhook deliveries failed ({Error}); retrying them one by one.", pending.Count, ex.Message);
            return 0;
        }

        await recorder.PublishAsync(unit, cancellationToken);
        return pending.Count;
    }

    private async Task<bool> ProcessAloneAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        string? error = null;
        string? unattributed = null;
        InboundUnit? unit = null;
        try
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            unit = InboundUnit.Single(db);
            unattributed = await ApplyAsync(unit, await RoutesAsync(cancellationToken), delivery, cancellationToken);
            if (unattributed is not null)
            {
                await ParkAsync(db, delivery.Id, unattributed, time.GetUtcNow().UtcDateTime, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Webhook delivery {Id} failed on attempt {Attempt}.", delivery.Id, delivery.Attempts + 1);
            error = ex.Message;
        }

        var attempts = delivery.Attempts + 1;
        var state = error is null ? WebhookDeliveryState.Processed : attempts >= MaxAttempts ? WebhookDeliveryState.Failed : WebhookDeliveryState.Pending;
        if (error is null && unattributed is not null)
        {
            // Parked in the same transaction as its other effects.
            await recorder.PublishAsync(unit!, cancellationToken);
            return true;
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
                d => d.SetProperty(x => x.State, state)
                    .SetProperty(x => x.Attempts, attempts)
                    .SetProperty(x => x.Error, error)
                    .SetProperty(x => x.ProcessedAt, state == WebhookDeliveryState.Pending ? null : time.GetUtcNow().UtcDateTime),
                cancellationToken);
        }

        if (error is null)
        {
            await recorder.PublishAsync(unit!, cancellationToken);
        }

        return error is null;
    }

    /// <summary>Read afresh for every batch: a channel deleted since its webhooks were acknowledged gets none of them.</summary>
    private Task<IReadOnlyDictionary<(ChannelKind Kind, string ExternalId), int>> RoutesAsync(CancellationToken cancellationToken) =>
        addresses.MetaAsync(AddressLookup.Reload, cancellationToken);

    /// <summary>Records the delivery's items; returns why it must be parked, or null.</summary>
    private async Task<string?> ApplyAsync(InboundUnit unit, IReadOnlyDictionary<(ChannelKind, string), int> routes, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var items = Items(routes, delivery);
        foreach (var (channelId, item) in items)
        {
            await recorder.RecordAsync(unit, channelId, delivery.Id, item, cancellationToken);
        }

        return Unattributed(items.Select(i => i.Item));
    }

    /// <summary>Why a delivery is parked: the events in it the inbox could not attribute; null when there are none.</summary>
    private static string? Unattributed(IEnumerable<InboundItem> items)
    {
        var reasons = items.OfType<InboundUnattributed>().Select(u => u.Reason).Distinct().ToList();
        return reasons.Count == 0 ? null : "Not attributable: " + string.Join("; ", reasons);
    }

    /// <summary>
    /// Parks a delivery that held an event the inbox could not attribute. Whatever else it held is recorded; replaying
    /// it later (after a fix) records only what is new, since every event is keyed.
    /// </summary>
    private async Task ParkAsync(InboxDbContext db, long deliveryId, string reason, DateTime now, CancellationToken cancellationToken)
    {
        logger.LogWarning("Webhook delivery {Id} parked as failed: {Reason}.", deliveryId, reason);
        await db.WebhookDeliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(
            d => d.SetProperty(x => x.State, WebhookDeliveryState.Failed)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                .SetProperty(x => x.Error, reason.Length > 1000 ? reason[..1000] : reason)
                .SetProperty(x => x.ProcessedAt, now),
            cancellationToken);
    }

    /// <summary>The delivery's items with the channel each belongs to; entries for an account no channel has any more are skipped.</summary>
    private List<(int ChannelId, InboundItem Item)> Items(IReadOnlyDictionary<(ChannelKind, string), int> routes, WebhookDelivery delivery)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        if (delivery.Platform == WebhookPlatform.Line)
        {
            return [.. LineWebhookParser.Parse(body, delivery.ReceivedAt).Select(item => (delivery.ChannelId!.Value, item))];
        }

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
