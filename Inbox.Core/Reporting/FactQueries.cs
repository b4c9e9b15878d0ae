using System.Data;
using System.Data.Common;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>
/// The reads the range reports share. Each aggregates in SQL over one covering index of <see cref="ResponseFact"/>
/// (<c>IX_ResponseFacts_Range</c>, <c>IX_ResponseFacts_Waiting</c>), so a year of facts never crosses into .NET row by row.
/// The SQL is the same on both engines; <see cref="SqlDialect"/> supplies the words that differ.
/// </summary>
internal static class FactQueries
{
    /// <summary>The report's range and filters over the facts (parameters of <see cref="Parameters"/>).</summary>
    internal const string Range = """
        "ReceivedAt" >= @from AND "ReceivedAt" < @to
        AND (@channel IS NULL OR "ChannelId" = @channel) AND (@team IS NULL OR "TeamId" = @team) AND (@agent IS NULL OR "AgentId" = @agent)
        """;

    /// <summary>Turns per (first or next, seconds to the reply), optionally per agent; <paramref name="business"/> counts business-hours seconds.</summary>
    public static Task<List<HistogramRow>> HistogramAsync(InboxDbContext db, ReportFilter filter, bool byAgent, bool business, CancellationToken cancellationToken)
    {
        // Column names are constants chosen here, never input; everything else is a parameter.
        var dialect = SqlDialect.For(db.Database);
        var seconds = business ? "\"BusinessResponseSeconds\"" : "\"ResponseSeconds\"";
        var agent = byAgent ? "\"AgentId\"" : "CAST(NULL AS INTEGER)";
        var sql = $"""
            SELECT {agent} AS "AgentId", "IsFirst", {seconds} AS "Seconds", CAST(COUNT(*) AS INTEGER) AS "Count"
            FROM "ResponseFacts" {dialect.IndexedBy("IX_ResponseFacts_Range")}
            WHERE {Range} {(byAgent ? "AND \"AgentId\" IS NOT NULL" : "")} AND ({seconds} IS NOT NULL OR "RespondedAt" IS NULL)
            GROUP BY {(byAgent ? "\"AgentId\", " : "")}"IsFirst", {seconds}
            """;
        return db.Database.SqlQueryRaw<HistogramRow>(sql, Parameters(dialect, filter)).ToListAsync(cancellationToken);
    }

    /// <summary>Turns with a standard window, lost and saved, per channel and agent, as of <paramref name="now"/>.</summary>
    public static Task<List<WindowsLostCount>> WindowsLostAsync(InboxDbContext db, ReportFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        var dialect = SqlDialect.For(db.Database);
        const string lost = """("WindowClosesAt" <= @now AND ("RespondedAt" IS NULL OR "RespondedAt" >= "WindowClosesAt"))""";
        var sql = $"""
            SELECT "ChannelId", "AgentId", CAST(COUNT(*) AS INTEGER) AS "WithWindow",
                   CAST(SUM(CASE WHEN {lost} THEN 1 ELSE 0 END) AS INTEGER) AS "Lost",
                   CAST(SUM(CASE WHEN {lost} AND "RespondedAt" IS NOT NULL AND "ResponseType" = 'HumanAgentTag' THEN 1 ELSE 0 END) AS INTEGER) AS "SavedByHumanAgent",
                   CAST(SUM(CASE WHEN {lost} AND "RespondedAt" IS NOT NULL AND "ResponseType" = 'Template' THEN 1 ELSE 0 END) AS INTEGER) AS "SavedByTemplate"
            FROM "ResponseFacts" {dialect.IndexedBy("IX_ResponseFacts_Range")} WHERE {Range} AND "WindowClosesAt" IS NOT NULL
            GROUP BY "ChannelId", "AgentId"
            """;
        return db.Database.SqlQueryRaw<WindowsLostCount>(sql, [.. Parameters(dialect, filter), dialect.Parameter("@now", now, DbType.DateTime)])
            .ToListAsync(cancellationToken);
    }

    /// <summary>Turns received (or, with <paramref name="ended"/>, that stopped waiting) per UTC hour of the range.</summary>
    public static Task<List<HourlyCount>> HourlyAsync(InboxDbContext db, ReportFilter filter, bool ended, CancellationToken cancellationToken)
    {
        var dialect = SqlDialect.For(db.Database);
        var (column, index) = ended ? ("\"EndedAt\"", "IX_ResponseFacts_Waiting") : ("\"ReceivedAt\"", "IX_ResponseFacts_Range");
        var sql = $"""
            SELECT {dialect.UtcHour(column)} AS "Hour", CAST(COUNT(*) AS INTEGER) AS "Count" FROM "ResponseFacts" {dialect.IndexedBy(index)}
            WHERE {Range.Replace("\"ReceivedAt\"", column, StringComparison.Ordinal)}
            GROUP BY {dialect.UtcHour(column)}
            """;
        return db.Database.SqlQueryRaw<HourlyCount>(sql, Parameters(dialect, filter)).ToListAsync(cancellationToken);
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

    internal static DbParameter[] Parameters(SqlDialect dialect, ReportFilter filter) =>
    [
        dialect.Parameter("@from", filter.From, DbType.DateTime),
        dialect.Parameter("@to", filter.To, DbType.DateTime),
        dialect.Parameter("@channel", filter.ChannelId, DbType.Int32),
        dialect.Parameter("@team", filter.TeamId, DbType.Int32),
        dialect.Parameter("@agent", filter.AgentId, DbType.Int32),
    ];
}
