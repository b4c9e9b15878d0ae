using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Which channel a webhook is addressed to, kept in memory for the acknowledgement path: reading it from the database
/// on every POST was an eighth of the app's CPU under webhook load. A miss, or a LINE signature that does not match
/// the cached secret, reads the channels again at once, so a channel added or re-keyed a moment ago is never refused;
/// a deleted one may still be accepted for up to <see cref="Fresh"/>, and its events are then skipped by the processor,
/// which routes from the database.
/// </summary>
public sealed class WebhookAddressBook(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private Snapshot? snapshot;

    /// <summary>(kind, page / IG account / phone_number_id) → channel id.</summary>
    public async Task<IReadOnlyDictionary<(ChannelKind Kind, string ExternalId), int>> MetaAsync(bool reload, CancellationToken cancellationToken) =>
        (await CurrentAsync(reload, cancellationToken)).Meta;

    /// <summary>The LINE channel with this key, with its secret, or null.</summary>
    public async Task<LineAddress?> LineAsync(string channelKey, bool reload, CancellationToken cancellationToken) =>
        (await CurrentAsync(reload, cancellationToken)).Line.GetValueOrDefault(channelKey);

    private async Task<Snapshot> CurrentAsync(bool reload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = Volatile.Read(ref snapshot);
        if (!reload && current is not null && now - current.LoadedAt < Fresh)
        {
            return current;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        var loaded = new Snapshot(
            channels.Where(c => c.Kind != ChannelKind.Line).ToDictionary(c => (c.Kind, c.ExternalId), c => c.Id),
            channels.Where(c => c.Kind == ChannelKind.Line).ToDictionary(c => c.Key, c => new LineAddress(c.Id, c.ChannelSecret)),
            now);
        Volatile.Write(ref snapshot, loaded);
        return loaded;
    }

    private sealed record Snapshot(
        Dictionary<(ChannelKind Kind, string ExternalId), int> Meta, Dictionary<string, LineAddress> Line, DateTimeOffset LoadedAt);
}
