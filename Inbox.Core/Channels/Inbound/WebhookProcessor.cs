using System.Diagnostics;
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
/// <para>
/// How a webhook flows, file by file: <c>Inbox.Web/Endpoints/WebhookEndpoints.cs</c> reads the raw body;
/// <see cref="WebhookInbox"/> checks its signature and addressee and hands it to <see cref="WebhookStore"/>, which
/// commits it (taking turns with this class at the <see cref="IngestWriteGate"/>) before the platform gets its 200,
/// then rings the <see cref="WebhookSignal"/>. <see cref="WebhookWorker"/> wakes and calls this class, which claims
/// pending deliveries (<see cref="DeliveryClaims"/>), parses them into <see cref="InboundItem"/>s (the platform's
/// parser in <c>Channels/Meta</c> or <c>Channels/Line</c>), reads what they refer to into an
/// <see cref="InboundBatch"/>, and lets <see cref="InboundRecorder"/> apply each item (contacts and conversations via
/// <c>Threads</c>, statuses via <see cref="StatusRecorder"/>). After the commit the batch's domain events go out; the
/// web app's <c>Realtime/ForwardChangesToNotifier.cs</c> passes them to the open tabs and the hub.
/// </para>
/// <para>
/// There is one write path: a transaction applies a batch of deliveries with one save and marks them processed, and
/// the domain events of the whole batch are handled together after the commit, so a busy number's backlog is paid in
/// commits per batch, not per message. When a batch fails, each of its deliveries is tried again as a batch of one,
/// so a bad delivery is counted, retried up to <see cref="MaxAttempts"/> times and parked without holding up the
/// others. Instances sharing a PostgreSQL database each claim their own batches.
/// </para>
/// </remarks>
public sealed class WebhookProcessor(
    IDbContextFactory<InboxDbContext> contexts,
    InboundRecorder recorder,
    WebhookAddressBook addresses,
    IngestWriteGate gate,
    IngestStages stages,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<WebhookProcessor> logger)
{
    /// <summary>A delivery that throws this many times is parked as <see cref="WebhookDeliveryState.Failed"/> for an admin to look at.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Most deliveries in one transaction: small enough that the write lock is back within tens of milliseconds.</summary>
    private const int BatchSize = 64;

    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>Processes every pending delivery; returns how many were processed (parked ones included).</summary>
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
                var claiming = Stopwatch.GetTimestamp();
                await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                {
                    pending = await DeliveryClaims.NextAsync(
                        db, after, BatchSize, cluster.Value.Instance, time.GetUtcNow().UtcDateTime, cluster.Value.ClaimLease, cancellationToken);
                }

                stages.Add("claim", claiming);
                if (pending.Count == 0)
                {
                    if (processed > 0)
                    {
                        // Operators (and the crash test) read this as "caught up".
                        logger.LogInformation("Webhook deliveries processed: {Count}; none pending.", processed);
                        stages.Flush();
                    }

                    return processed;
                }

                after = pending[^1].Id;
                if (await ApplyAsync(pending, cancellationToken) is not { } error)
                {
                    processed += pending.Count;
                    stages.BatchDone(pending.Count);
                    continue;
                }

                if (pending.Count == 1)
                {
                    await CountFailureAsync(pending[0], error, cancellationToken);
                    continue;
                }

                // One bad delivery spoils its batch: each again as a batch of one, so it is found, counted and, in the end, parked.
                logger.LogWarning("A batch of {Count} webhook deliveries failed ({Error}); retrying each on its own.", pending.Count, error.Message);
                foreach (var delivery in pending)
                {
                    if (await ApplyAsync([delivery], cancellationToken) is { } alone)
                    {
                        await CountFailureAsync(delivery, alone, cancellationToken);
                    }
                    else
                    {
                        processed++;
                    }
                }
            }
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>Applies the deliveries in one transaction with one save, then publishes; returns what failed it, or null.</summary>
    private async Task<Exception?> ApplyAsync(IReadOnlyList<WebhookDelivery> pending, CancellationToken cancellationToken)
    {
        InboundBatch batch;
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            start = stages.Add("gate", start);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var routes = await RoutesAsync(cancellationToken);
            var items = pending.SelectMany(delivery => Items(routes, delivery).Select(i => (delivery.Id, i.ChannelId, i.Item))).ToList();
            start = stages.Add("parse", start);
            batch = await InboundBatch.ReadAsync(db, [.. items.Select(i => (i.ChannelId, i.Item))], cancellationToken);
            start = stages.Add("read", start);
            foreach (var (deliveryId, channelId, item) in items)
            {
                await recorder.RecordAsync(batch, channelId, deliveryId, item, cancellationToken);
            }

            start = stages.Add("record", start);
            await batch.SaveAsync(cancellationToken);
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
            start = stages.Add("save", start);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex;
        }

        await recorder.PublishAsync(batch, cancellationToken);
        stages.Add("events", start);
        return null;
    }

    /// <summary>Counts a failed attempt at a delivery on its own: it waits for the next pass, or is parked after <see cref="MaxAttempts"/>.</summary>
    private async Task CountFailureAsync(WebhookDelivery delivery, Exception error, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        logger.LogError(error, "Webhook delivery {Id} failed on attempt {Attempt}.", delivery.Id, attempts);
        var state = attempts >= MaxAttempts ? WebhookDeliveryState.Failed : WebhookDeliveryState.Pending;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
            d => d.SetProperty(x => x.State, state)
                .SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.Error, error.Message)
                .SetProperty(x => x.ProcessedAt, state == WebhookDeliveryState.Pending ? null : time.GetUtcNow().UtcDateTime),
            cancellationToken);
    }

    /// <summary>Read afresh for every batch: a channel deleted since its webhooks were acknowledged gets none of them.</summary>
    private Task<IReadOnlyDictionary<(ChannelKind Kind, string ExternalId), int>> RoutesAsync(CancellationToken cancellationToken) =>
        addresses.MetaAsync(AddressLookup.Reload, cancellationToken);

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
