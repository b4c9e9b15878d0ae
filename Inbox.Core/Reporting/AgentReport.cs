using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Reporting;

/// <summary>The per-agent table: who is online, what each holds, how fast they answer, windows lost and satisfaction.</summary>
public sealed class AgentReport(
    IDbContextFactory<InboxDbContext> contexts, AgentPresence presence, CsatReport csat, IOptions<ReportingOptions> options, TimeProvider time)
{
    /// <summary>The table's percentiles: median first and next response, p90 of all.</summary>
    private static readonly (bool? IsFirst, double Q)[] Percentiles = [(true, 0.5), (false, 0.5), (null, 0.9)];

    public async Task<IReadOnlyList<AgentReportRow>> RowsAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agents = await db.Agents.AsNoTracking()
            .Where(a => (filter.TeamId == null || a.TeamId == filter.TeamId) && (filter.AgentId == null || a.Id == filter.AgentId))
            .OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var open = await db.Conversations.Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { Agent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Agent, x => x.Count, cancellationToken);
        var rollups = options.Value.ReadRollups;
        var now = time.GetUtcNow().UtcDateTime;
        var histogram = (rollups
            ? await RollupQueries.HistogramAsync(db, filter, byAgent: true, Percentiles, cancellationToken)
            : await FactQueries.HistogramAsync(db, filter, byAgent: true, business: false, cancellationToken)).ToLookup(r => r.AgentId!.Value);
        var lost = (rollups ? await RollupQueries.WindowsLostAsync(db, filter, now, cancellationToken) : await FactQueries.WindowsLostAsync(db, filter, now, cancellationToken))
            .Where(c => c.AgentId is not null).GroupBy(c => c.AgentId!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.Lost));
        var satisfaction = await csat.AverageByAgentAsync(filter, cancellationToken);
        return agents.Select(a =>
        {
            var mine = histogram[a.Id].ToList();
            var times = ResponseTimes.Of(mine, null);
            var all = TimeDistribution.Of(mine.Select(r => (r.Seconds, r.Count)));
            return new AgentReportRow(
                a.Id, a.Name, presence.Of(a.Id), open.GetValueOrDefault(a.Id), all.Answered, all.Unanswered,
                times.First.P50Minutes, times.Next.P50Minutes, all.P90Minutes,
                lost.GetValueOrDefault(a.Id), satisfaction.TryGetValue(a.Id, out var score) ? score : null);
        }).ToList();
    }
}
