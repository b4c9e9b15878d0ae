using Inbox.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>
/// The reads the range reports share. Each aggregates in SQL over one covering index of <see cref="ResponseFact"/>
/// (<c>IX_ResponseFacts_Range</c>, <c>IX_ResponseFacts_Waiting</c>), so a year of facts never crosses into .NET row by row.
/// </summary>
internal static class FactQueries
{
    // INDEXED BY pins each query to its covering index: with the optional filters written as "@x IS NULL OR …",
    // SQLite's planner otherwise sometimes skip-scans another index and reads every table row.
    private const string Range = """
        ReceivedAt >= @from AND ReceivedAt < @to
        AND (@channel IS NULL OR ChannelId = @channel) AND (@team IS NULL OR TeamId = @team) AND (@agent IS NULL OR AgentId = @agent)
        """;

    /// <summary>Turns per (first or next, seconds to the reply), optionally per agent; <paramref name="business"/> counts business-hours seconds.</summary>
    public static Task<List<HistogramRow>> HistogramAsync(InboxDbContext db, ReportFilter filter, bool byAgent, bool business, CancellationToken cancellationToken)
    {
        // Column names are constants chosen here, never input; everything else is a parameter.
        var seconds = business ? "BusinessResponseSeconds" : "ResponseSeconds";
        var agent = byAgent ? "AgentId" : "NULL";
        var sql = $"""
            SELECT {agent} AS AgentId, IsFirst, {seconds} AS Seconds, COUNT(*) AS Count FROM ResponseFacts INDEXED BY IX_ResponseFacts_Range
            WHERE {Range} {(byAgent ? "AND AgentId IS NOT NULL" : "")} AND ({seconds} IS NOT NULL OR RespondedAt IS NULL)
            GROUP BY {agent}, IsFirst, {seconds}
            """;
        return db.Database.SqlQueryRaw<HistogramRow>(sql, Parameters(filter)).ToListAsync(cancellationToken);
    }

    /// <summary>Turns with a standard window, lost and saved, per channel and agent, as of <paramref name="now"/>.</summary>
    public static Task<List<WindowsLostCount>> WindowsLostAsync(InboxDbContext db, ReportFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        const string lost = "(WindowClosesAt <= @now AND (RespondedAt IS NULL OR RespondedAt >= WindowClosesAt))";
        var sql = $"""
            SELECT ChannelId, AgentId, COUNT(*) AS WithWindow, SUM({lost}) AS Lost,
                   SUM({lost} AND RespondedAt IS NOT NULL AND ResponseType = 'HumanAgentTag') AS SavedByHumanAgent,
                   SUM({lost} AND RespondedAt IS NOT NULL AND ResponseType = 'Template') AS SavedByTemplate
            FROM ResponseFacts INDEXED BY IX_ResponseFacts_Range WHERE {Range} AND WindowClosesAt IS NOT NULL
            GROUP BY ChannelId, AgentId
            """;
        return db.Database.SqlQueryRaw<WindowsLostCount>(sql, [.. Parameters(filter), new SqliteParameter("@now", now)]).ToListAsync(cancellationToken);
    }

    /// <summary>Turns received (or, with <paramref name="ended"/>, that stopped waiting) per UTC hour of the range.</summary>
    public static Task<List<HourlyCount>> HourlyAsync(InboxDbContext db, ReportFilter filter, bool ended, CancellationToken cancellationToken)
    {
        var (column, index) = ended ? ("EndedAt", "IX_ResponseFacts_Waiting") : ("ReceivedAt", "IX_ResponseFacts_Range");
        var sql = $"""
            SELECT substr({column}, 1, 13) AS Hour, COUNT(*) AS Count FROM ResponseFacts INDEXED BY {index}
            WHERE {Range.Replace("ReceivedAt", column, StringComparison.Ordinal)}
            GROUP BY substr({column}, 1, 13)
            """;
        return db.Database.SqlQueryRaw<HourlyCount>(sql, Parameters(filter)).ToListAsync(cancellationToken);
    }

    /// <summary>Turns received before the range that were still waiting when it began, through <c>IX_ResponseFacts_Waiting</c>.</summary>
    public static Task<int> WaitingAtStartAsync(InboxDbContext db, ReportFilter filter, CancellationToken cancellationToken)
    {
        var facts = db.Set<ResponseFact>().Where(f => (f.EndedAt == null || f.EndedAt >= filter.From) && f.ReceivedAt < filter.From);
        facts = filter.ChannelId is { } channel ? facts.Where(f => f.ChannelId == channel) : facts;
        facts = filter.TeamId is { } team ? facts.Where(f => f.TeamId == team) : facts;
        facts = filter.AgentId is { } agent ? facts.Where(f => f.AgentId == agent) : facts;
        return facts.CountAsync(cancellationToken);
    }

    private static SqliteParameter[] Parameters(ReportFilter filter) =>
    [
        new("@from", filter.From),
        new("@to", filter.To),
        new("@channel", (object?)filter.ChannelId ?? DBNull.Value),
        new("@team", (object?)filter.TeamId ?? DBNull.Value),
        new("@agent", (object?)filter.AgentId ?? DBNull.Value),
    ];
}
