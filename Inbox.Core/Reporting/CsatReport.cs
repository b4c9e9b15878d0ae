using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>Satisfaction over a range, from the surveys recorded in <see cref="CsatFact"/> (empty until surveys are sent).</summary>
public sealed class CsatReport(IDbContextFactory<InboxDbContext> contexts)
{
    public async Task<CsatSummary> SummaryAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return CsatSummary.Of(await Scores(db, filter).Select(f => f.Score).ToListAsync(cancellationToken));
    }

    /// <summary>Average answered score per agent over the range.</summary>
    public async Task<IReadOnlyDictionary<int, double>> AverageByAgentAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Scores(db, filter).Where(f => f.AgentId != null && f.Score != null)
            .GroupBy(f => f.AgentId!.Value)
            .Select(g => new { Agent = g.Key, Average = g.Average(f => (double)f.Score!.Value) })
            .ToDictionaryAsync(x => x.Agent, x => x.Average, cancellationToken);
    }

    private static IQueryable<CsatFact> Scores(InboxDbContext db, ReportFilter filter)
    {
        var facts = db.Set<CsatFact>().AsNoTracking().Where(f => f.SentAt >= filter.From && f.SentAt < filter.To);
        facts = filter.ChannelId is { } channel ? facts.Where(f => f.ChannelId == channel) : facts;
        facts = filter.TeamId is { } team ? facts.Where(f => f.TeamId == team) : facts;
        return filter.AgentId is { } agent ? facts.Where(f => f.AgentId == agent) : facts;
    }
}
