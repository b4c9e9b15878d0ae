using System.Linq.Expressions;
using Inbox.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>The reads every range report shares, each served by one covering index of <see cref="ResponseFact"/>.</summary>
internal static class FactQueries
{
    /// <summary>Turns received in the filter's range, through <c>IX_ResponseFacts_Range</c>.</summary>
    public static IQueryable<ResponseRow> Rows(InboxDbContext db, ReportFilter filter, Expression<Func<ResponseFact, bool>>? where = null)
    {
        var facts = Narrow(db.Set<ResponseFact>().AsNoTracking().Where(f => f.ReceivedAt >= filter.From && f.ReceivedAt < filter.To), filter);
        facts = where is null ? facts : facts.Where(where);
        return facts.Select(f => new ResponseRow(
            f.ReceivedAt, f.ChannelId, f.TeamId, f.AgentId, f.IsFirst, f.ResponseSeconds, f.BusinessResponseSeconds,
            f.RespondedAt, f.ResponseType, f.WindowClosesAt));
    }

    /// <summary>Turns received (or, with <paramref name="ended"/>, that stopped waiting) per UTC hour of the range.</summary>
    public static Task<List<HourlyCount>> HourlyAsync(InboxDbContext db, ReportFilter filter, bool ended, CancellationToken cancellationToken)
    {
        // The column is one of two constants, never input; everything else is a parameter.
        var column = ended ? "EndedAt" : "ReceivedAt";
        var sql = $"""
            SELECT substr({column}, 1, 13) AS Hour, COUNT(*) AS Count FROM ResponseFacts
            WHERE {column} >= @from AND {column} < @to
              AND (@channel IS NULL OR ChannelId = @channel) AND (@team IS NULL OR TeamId = @team) AND (@agent IS NULL OR AgentId = @agent)
            GROUP BY substr({column}, 1, 13)
            """;
        return db.Database.SqlQueryRaw<HourlyCount>(sql, Parameters(filter)).ToListAsync(cancellationToken);
    }

    /// <summary>Turns received before the range that were still waiting when it began, through <c>IX_ResponseFacts_Waiting</c>.</summary>
    public static Task<int> WaitingAtStartAsync(InboxDbContext db, ReportFilter filter, CancellationToken cancellationToken)
    {
        return Narrow(db.Set<ResponseFact>().Where(f => (f.EndedAt == null || f.EndedAt >= filter.From) && f.ReceivedAt < filter.From), filter)
            .CountAsync(cancellationToken);
    }

    private static IQueryable<ResponseFact> Narrow(IQueryable<ResponseFact> facts, ReportFilter filter)
    {
        facts = filter.ChannelId is { } channel ? facts.Where(f => f.ChannelId == channel) : facts;
        facts = filter.TeamId is { } team ? facts.Where(f => f.TeamId == team) : facts;
        return filter.AgentId is { } agent ? facts.Where(f => f.AgentId == agent) : facts;
    }

    private static object[] Parameters(ReportFilter filter) =>
    [
        new SqliteParameter("@from", filter.From),
        new SqliteParameter("@to", filter.To),
        new SqliteParameter("@channel", (object?)filter.ChannelId ?? DBNull.Value),
        new SqliteParameter("@team", (object?)filter.TeamId ?? DBNull.Value),
        new SqliteParameter("@agent", (object?)filter.AgentId ?? DBNull.Value),
    ];
}
