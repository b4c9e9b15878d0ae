using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>The per-agent table: who is online, what each holds, how fast they answer, windows lost and satisfaction.</summary>
public sealed class AgentReport(IDbContextFactory<InboxDbContext> contexts, AgentPresence presence, CsatReport csat, TimeProvider time)
{
    public async Task<IReadOnlyList<AgentReportRow>> RowsAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agents = await db.Agents.AsNoTracking()
            .Where(a => (filter.TeamId == null || a.TeamId == filter.TeamId) && (filter.AgentId == null || a.Id == filter.AgentId))
            .OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var open = await db.Conversations.Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { Agent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Agent, x => x.Count, cancellationToken);
        var turns = (await FactQueries.Rows(db, filter, f => f.AgentId != null).ToListAsync(cancellationToken)).ToLookup(r => r.AgentId!.Value);
        var satisfaction = await csat.AverageByAgentAsync(filter, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return agents.Select(a =>
        {
            var mine = turns[a.Id].ToList();
            var times = ResponseTimes.Of(mine, businessHours: false);
            var all = mine.Select(r => r.ResponseSeconds).OfType<int>().Order().ToList();
            return new AgentReportRow(
                a.Id, a.Name, presence.Of(a.Id), open.GetValueOrDefault(a.Id), all.Count, mine.Count(r => r.RespondedAt is null),
                times.First.P50Minutes, times.Next.P50Minutes, Percentiles.Of(all, 0.9) / 60,
                mine.Count(r => WindowsLost.IsLost(r, now)), satisfaction.TryGetValue(a.Id, out var score) ? score : null);
        }).ToList();
    }
}
