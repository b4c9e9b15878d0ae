using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Which channel a webhook is addressed to, kept in memory for the acknowledgement path: reading it from the database
/// on every POST was an eighth of the app's CPU under webhook load. An admin's channel change empties it
/// (<see cref="Invalidate"/>), so a channel added or re-keyed a moment ago is never refused. A miss, or a LINE
/// signature that does not match the cached secret, may read the channels again, but at most once every
/// <see cref="MissReloadInterval"/> in total: unsigned POSTs to made-up addresses must not make the app read and
/// decrypt every channel per request. A deleted channel may still be accepted for up to <see cref="Fresh"/>, and its
/// events are then skipped by the processor, which routes from the database.
/// </summary>
public sealed class WebhookAddressBook(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    /// <summary>The least time between two reloads that a miss asks for.</summary>
    public static readonly TimeSpan MissReloadInterval = TimeSpan.FromSeconds(5);

    private Snapshot? snapshot;
    private long lastMissReloadTicks = long.MinValue;

    /// <summary>(kind, page / IG account / phone_number_id) → channel id.</summary>
    public async Task<IReadOnlyDictionary<(ChannelKind Kind, string ExternalId), int>> MetaAsync(AddressLookup lookup, CancellationToken cancellationToken) =>
        (await CurrentAsync(lookup, cancellationToken)).Meta;

    /// <summary>The Instagram account ids of the channels connected with Instagram Login, whose webhooks the Instagram app secret signs.</summary>
    public async Task<IReadOnlySet<string>> InstagramLoginAsync(AddressLookup lookup, CancellationToken cancellationToken) =>
        (await CurrentAsync(lookup, cancellationToken)).InstagramLogin;

    /// <summary>The LINE channel with this key, with its secret, or null.</summary>
    public async Task<LineAddress?> LineAsync(string channelKey, AddressLookup lookup, CancellationToken cancellationToken) =>
        (await CurrentAsync(lookup, cancellationToken)).Line.GetValueOrDefault(channelKey);

    /// <summary>Forgets the cached addresses, so the next lookup reads the channels: called after a channel changes.</summary>
    public void Invalidate() => Volatile.Write(ref snapshot, null);

    private async Task<Snapshot> CurrentAsync(AddressLookup lookup, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = Volatile.Read(ref snapshot);
        var fresh = current is not null && now - current.LoadedAt < Fresh;
        if (current is not null && lookup == AddressLookup.AfterMiss && !ClaimMissReload(now))
        {
            return current;
        }

        if (fresh && lookup == AddressLookup.Cached)
        {
            return current!;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        var loaded = new Snapshot(
            MetaRoutes(channels),
            channels.Where(c => c.Kind == ChannelKind.Line).ToDictionary(c => c.Key, c => new LineAddress(c.Id, c.ChannelSecret)),
            channels.Where(c => ChannelSetup.UsesInstagramLogin(c.Kind, c.LoginType)).Select(c => c.ExternalId).ToHashSet(StringComparer.Ordinal),
            now);
        Volatile.Write(ref snapshot, loaded);
        return loaded;
    }

    /// <summary>Page, Instagram account and phone number ids, plus each WhatsApp Business Account (to any one of its channels).</summary>
    private static Dictionary<(ChannelKind Kind, string ExternalId), int> MetaRoutes(List<Channel> channels)
    {
        var routes = channels.Where(c => c.Kind != ChannelKind.Line).ToDictionary(c => (c.Kind, c.ExternalId), c => c.Id);
        foreach (var channel in channels.Where(c => c.Kind == ChannelKind.WhatsApp && c.BusinessAccountId is not null).OrderBy(c => c.Id))
        {
            routes.TryAdd((ChannelKind.WhatsApp, Meta.MetaWebhookEntry.AccountAddress(channel.BusinessAccountId!)), channel.Id);
        }

        return routes;
    }

    private bool ClaimMissReload(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref lastMissReloadTicks);
        return (last == long.MinValue || now.UtcTicks - last >= MissReloadInterval.Ticks)
            && Interlocked.CompareExchange(ref lastMissReloadTicks, now.UtcTicks, last) == last;
    }

    private sealed record Snapshot(
        Dictionary<(ChannelKind Kind, string ExternalId), int> Meta, Dictionary<string, LineAddress> Line, HashSet<string> InstagramLogin, DateTimeOffset LoadedAt);
}
