using Inbox.Core.Channels;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>The Facebook badge estimate of each Messenger channel, from its counted messages (<c>IX_ResponseFacts_Badge</c>).</summary>
public sealed class BadgeReport(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    /// <summary>One estimate per Messenger channel (or only <paramref name="channelId"/>), as of now.</summary>
    public async Task<IReadOnlyList<BadgeEstimate>> EstimateAsync(int? channelId = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.Kind == ChannelKind.Messenger && (channelId == null || c.Id == channelId))
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var estimates = new List<BadgeEstimate>();
        foreach (var channel in channels)
        {
            var estimate = BadgeRules.Estimate(channel.Id, channel.Name, await CountedAsync(db, channel.Id, now, cancellationToken), now);
            estimates.Add(estimate with { Offenders = await NamedAsync(db, estimate.Offenders, cancellationToken) });
        }

        return estimates;
    }

    /// <summary>The counted messages the rules can use: the 30 days before the latest one, and the last 10 in case fewer fell in them.</summary>
    private static async Task<List<CountedMessage>> CountedAsync(InboxDbContext db, int channelId, DateTime now, CancellationToken cancellationToken)
    {
        var counted = db.Set<ResponseFact>().AsNoTracking().Where(f => f.ChannelId == channelId && f.Counted && f.ReceivedAt <= now);
        var latest = await counted.Where(f => f.Excluded == null).MaxAsync(f => (DateTime?)f.ReceivedAt, cancellationToken);
        if (latest is not { } anchor)
        {
            return [];
        }

        var span = await Read(counted.Where(f => f.ReceivedAt > anchor.AddDays(-30))).ToListAsync(cancellationToken);
        var lastTen = await Read(counted.Where(f => f.Excluded == null).OrderByDescending(f => f.ReceivedAt).Take(BadgeRules.MinimumMessages))
            .ToListAsync(cancellationToken);
        return span.Union(lastTen).OrderBy(m => m.ReceivedAt).ToList();
    }

    private static IQueryable<CountedMessage> Read(IQueryable<ResponseFact> facts) =>
        facts.Select(f => new CountedMessage(f.ConversationId, f.ReceivedAt, f.ResponseSeconds, f.Excluded));

    private static async Task<IReadOnlyList<BadgeOffender>> NamedAsync(InboxDbContext db, IReadOnlyList<BadgeOffender> offenders, CancellationToken cancellationToken)
    {
        var ids = offenders.Select(o => o.ConversationId).ToList();
        var names = await db.Conversations.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Contact!.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return offenders.Select(o => o with { Contact = names.GetValueOrDefault(o.ConversationId) }).ToList();
    }
}
