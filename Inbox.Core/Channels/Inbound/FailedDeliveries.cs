using System.Text;
using Inbox.Core.Audit;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// The admin's view of webhook deliveries parked as <see cref="WebhookDeliveryState.Failed"/>: list them, read a raw
/// body, send one back to processing after a fix (<see cref="ReprocessAsync"/>) or put it aside for good
/// (<see cref="DiscardAsync"/>). Both actions are audited. Replaying is safe: every event is keyed, so only what the
/// earlier attempts did not record is recorded.
/// </summary>
public sealed class FailedDeliveries(IDbContextFactory<InboxDbContext> contexts, WebhookAddressBook addresses, WebhookSignal signal, AuditLog audit)
{
    /// <summary>The most rows the page lists; older ones stay parked and appear as newer ones are handled.</summary>
    public const int PageSize = 200;

    /// <summary>Parked deliveries, newest first, with the channels each was addressed to.</summary>
    public async Task<IReadOnlyList<FailedDeliveryRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parked = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.State == WebhookDeliveryState.Failed)
            .OrderByDescending(d => d.Id)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        var routes = await addresses.MetaAsync(AddressLookup.Cached, cancellationToken);
        return [.. parked.Select(d => new FailedDeliveryRow(d.Id, d.Platform, ChannelsOf(d, routes), d.ReceivedAt, d.Attempts, d.ProcessedAt, d.Error, d.Body.Length))];
    }

    /// <summary>How many parked deliveries name each channel (a delivery for two channels counts for both).</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountsByChannelAsync(CancellationToken cancellationToken = default)
    {
        var rows = await ListAsync(cancellationToken);
        return rows.SelectMany(r => r.ChannelIds).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The raw body as it arrived, or null when the delivery is not parked.</summary>
    public async Task<string?> BodyAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Id == id && d.State == WebhookDeliveryState.Failed)
            .Select(d => d.Body)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Puts a parked delivery back in the queue with fresh attempts; false when it was no longer parked.</summary>
    public async Task<bool> ReprocessAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        var changed = await MoveAsync(id, WebhookDeliveryState.Pending, actor, "webhook.reprocessed", cancellationToken);
        if (changed)
        {
            signal.Notify();
        }

        return changed;
    }

    /// <summary>Marks a parked delivery as discarded: it is never processed; false when it was no longer parked.</summary>
    public Task<bool> DiscardAsync(long id, string actor, CancellationToken cancellationToken = default) =>
        MoveAsync(id, WebhookDeliveryState.Discarded, actor, "webhook.discarded", cancellationToken);

    /// <summary>
    /// Moves a delivery out of <see cref="WebhookDeliveryState.Failed"/> and records who did it, in one transaction.
    /// The state is part of the condition, so two admins clicking at once move it (and audit it) once.
    /// </summary>
    private async Task<bool> MoveAsync(long id, WebhookDeliveryState to, string actor, string action, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Id == id && d.State == WebhookDeliveryState.Failed)
            .Select(d => new { d.Platform, d.Attempts, d.Error })
            .SingleOrDefaultAsync(cancellationToken);
        if (before is null)
        {
            return false;
        }

        var moved = await db.WebhookDeliveries.Where(d => d.Id == id && d.State == WebhookDeliveryState.Failed).ExecuteUpdateAsync(
            d => d.SetProperty(x => x.State, to)
                .SetProperty(x => x.Attempts, x => to == WebhookDeliveryState.Pending ? 0 : x.Attempts)
                .SetProperty(x => x.ProcessedAt, x => to == WebhookDeliveryState.Pending ? null : x.ProcessedAt),
            cancellationToken);
        if (moved == 0)
        {
            return false;
        }

        audit.Add(db, actor, action, $"webhook delivery {id}", $"{before.Platform}, {before.Attempts} attempts, last error: {before.Error}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// LINE deliveries carry their channel; a Meta body is read for its entries' accounts. A body that cannot be read
    /// (often the reason it was parked) names no channel.
    /// </summary>
    private static IReadOnlyList<int> ChannelsOf(WebhookDelivery delivery, IReadOnlyDictionary<(ChannelKind Kind, string ExternalId), int> routes)
    {
        if (delivery.ChannelId is { } channelId)
        {
            return [channelId];
        }

        try
        {
            return [.. MetaWebhookParser.Parse(Encoding.UTF8.GetBytes(delivery.Body), delivery.ReceivedAt).Entries
                .Select(e => routes.TryGetValue((e.Kind, e.ExternalId), out var id) ? id : (int?)null)
                .OfType<int>()
                .Distinct()];
        }
        catch (Exception ex) when (ex is WebhookFormatException or System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
