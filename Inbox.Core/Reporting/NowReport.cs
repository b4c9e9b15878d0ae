using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>The live strip: open conversations, windows ending within the hour, agents online, the longest wait.</summary>
public sealed class NowReport(IDbContextFactory<InboxDbContext> contexts, AgentPresence presence, TimeProvider time)
{
    public static readonly TimeSpan Soon = TimeSpan.FromHours(1);

    public async Task<NowStrip> NowAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Conversations.CountAsync(c => c.Status == ConversationStatus.Open, cancellationToken);
        var agents = await db.Agents.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
        var presences = agents.Select(presence.Of).ToList();
        var oldest = await db.Set<ResponseFact>().AsNoTracking().Where(f => f.EndedAt == null)
            .OrderBy(f => f.ReceivedAt).Select(f => new { f.ConversationId, f.ReceivedAt }).FirstOrDefaultAsync(cancellationToken);
        var oldestContact = oldest is null ? null : await db.Conversations.Where(c => c.Id == oldest.ConversationId)
            .Select(c => c.Contact!.Name).SingleOrDefaultAsync(cancellationToken);
        return new NowStrip(
            open, await ExpiringAsync(db, now, cancellationToken), presences.Count(p => p == Presence.Online), presences.Count(p => p == Presence.Away),
            oldest?.ReceivedAt, oldest?.ConversationId, oldestContact);
    }

    /// <summary>
    /// Only conversations whose customer wrote about 23–24 h ago (24 h windows) or about 7 days ago (ad windows,
    /// HUMAN_AGENT, private replies) can have a window ending within the hour: the policy decides among those.
    /// </summary>
    private static async Task<IReadOnlyList<ExpiringConversation>> ExpiringAsync(InboxDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var (dayFrom, dayTo) = (now - PlatformWindows.Standard, now - PlatformWindows.Standard + Soon);
        var (weekFrom, weekTo) = (now - PlatformWindows.HumanAgent, now - PlatformWindows.HumanAgent + Soon);
        var candidates = await db.Conversations.AsNoTracking().Include(c => c.Channel).Include(c => c.Contact)
            .Where(c => c.Status == ConversationStatus.Open
                        && ((c.LastInboundAt > dayFrom && c.LastInboundAt <= dayTo) || (c.LastInboundAt > weekFrom && c.LastInboundAt <= weekTo)))
            .ToListAsync(cancellationToken);
        return candidates
            .Select(c => (Conversation: c, ReplyPolicy.Evaluate(ConversationFacts.Of(c), now).Deadline))
            .Where(x => x.Deadline is { } d && d > now && d - now <= Soon)
            .OrderBy(x => x.Deadline)
            .Select(x => new ExpiringConversation(x.Conversation.Id, x.Conversation.Contact!.Name, x.Conversation.Channel!.Name, x.Deadline!.Value))
            .ToList();
    }
}
