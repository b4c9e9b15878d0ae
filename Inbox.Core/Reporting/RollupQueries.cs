using System.Data;
using System.Data.Common;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>
/// The range reads of <see cref="FactQueries"/> answered from <see cref="ResponseRollup"/>: whole UTC months and days
/// from the roll-up, the hours at either end of the range from the facts (<see cref="RollupSpan"/>). Answers equal the
/// fact queries' exactly: percentiles read the exact seconds of the bucket they fall in (<see cref="RollupHistogram"/>),
/// and windows still open are taken back out of the roll-up's "lost once closed" counts.
/// </summary>
internal static class RollupQueries
{
    /// <summary>Up to this long, a range's exact seconds are read by date in one pass, beyond it bucket by bucket.</summary>
    private static readonly TimeSpan ShortRange = TimeSpan.FromDays(92);

    private const string Dimensions = """
        (@channel IS NULL OR "ChannelId" = @channel) AND (@team IS NULL OR "TeamId" = @team) AND (@agent IS NULL OR "AgentId" = @agent)
        """;

    private const string Periods = """
        (("IsMonth" = @day AND (("Start" >= @daysFrom AND "Start" < @monthsFrom) OR ("Start" >= @monthsTo AND "Start" < @daysTo)))
         OR ("IsMonth" = @month AND "Start" >= @monthsFrom AND "Start" < @monthsTo))
        """;

    /// <summary>
    /// The same histogram as <see cref="FactQueries.HistogramAsync"/> (wall-clock) as far as <paramref name="wanted"/>
    /// percentiles, the distribution's bars and the counts go: seconds are exact in the buckets those percentiles fall in
    /// and a bucket's lower bound elsewhere.
    /// </summary>
    public static async Task<List<HistogramRow>> HistogramAsync(
        InboxDbContext db, ReportFilter filter, bool byAgent, IReadOnlyList<(bool? IsFirst, double Q)> wanted, CancellationToken cancellationToken)
    {
        if (RollupSpan.Of(filter) is not { } span)
        {
            return await FactQueries.HistogramAsync(db, filter, byAgent, business: false, cancellationToken);
        }

        var dialect = SqlDialect.For(db.Database);
        var agent = byAgent ? "NULLIF(\"AgentId\", 0)" : "CAST(NULL AS INTEGER)";
        var sql = $"""
            SELECT {agent} AS "AgentId", "IsFirst", "Bucket" AS "Seconds", CAST(SUM("Turns") AS INTEGER) AS "Count"
            FROM "ResponseRollups" WHERE {Periods} AND {Dimensions} {(byAgent ? "AND \"AgentId\" <> 0" : "")} AND "Bucket" <> {RollupBuckets.NoSeconds}
            GROUP BY {(byAgent ? "\"AgentId\", " : "")}"IsFirst", "Bucket"
            """;
        var buckets = await db.Database.SqlQueryRaw<HistogramRow>(sql, Parameters(dialect, filter, span)).ToListAsync(cancellationToken);
        foreach (var edge in span.Edges(filter))
        {
            buckets.AddRange((await FactQueries.HistogramAsync(db, edge, byAgent, business: false, cancellationToken))
                .Select(r => r with { Seconds = r.Seconds is { } s ? RollupBuckets.Of(s) : RollupBuckets.Unanswered }));
        }

        var histogram = new RollupHistogram(buckets, wanted);
        // A short range is read by date in one pass (far fewer facts than the buckets' seconds over all time, which the
        // seconds index would read before filtering the range); a long one bucket by bucket through the seconds index.
        var exact = new List<HistogramRow>();
        if (filter.To - filter.From <= ShortRange)
        {
            exact.AddRange(await SecondsAsync(db, filter, byAgent, histogram.BucketsToRead, "IX_ResponseFacts_Range", cancellationToken));
        }
        else
        {
            foreach (var bucket in histogram.BucketsToRead)
            {
                exact.AddRange(await SecondsAsync(db, filter, byAgent, [bucket], "IX_ResponseFacts_Seconds", cancellationToken));
            }
        }

        return histogram.Compose(exact);
    }

    /// <summary>The same counts as <see cref="FactQueries.WindowsLostAsync"/>.</summary>
    public static async Task<List<WindowsLostCount>> WindowsLostAsync(InboxDbContext db, ReportFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        if (RollupSpan.Of(filter) is not { } span)
        {
            return await FactQueries.WindowsLostAsync(db, filter, now, cancellationToken);
        }

        var dialect = SqlDialect.For(db.Database);
        var sql = $"""
            SELECT "ChannelId", NULLIF("AgentId", 0) AS "AgentId", CAST(SUM("WithWindow") AS INTEGER) AS "WithWindow", CAST(SUM("LostIfClosed") AS INTEGER) AS "Lost",
                   CAST(SUM("SavedByHumanAgent") AS INTEGER) AS "SavedByHumanAgent", CAST(SUM("SavedByTemplate") AS INTEGER) AS "SavedByTemplate"
            FROM "ResponseRollups" WHERE {Periods} AND {Dimensions}
            GROUP BY "ChannelId", "AgentId" HAVING SUM("WithWindow") <> 0
            """;
        var counts = await db.Database.SqlQueryRaw<WindowsLostCount>(sql, Parameters(dialect, filter, span)).ToListAsync(cancellationToken);

        // Turns whose window is still open are not lost yet: take them back out.
        const string lost = """("RespondedAt" IS NULL OR "RespondedAt" >= "WindowClosesAt")""";
        var open = $"""
            SELECT "ChannelId", "AgentId", 0 AS "WithWindow", CAST(SUM(CASE WHEN {lost} THEN -1 ELSE 0 END) AS INTEGER) AS "Lost",
                   CAST(SUM(CASE WHEN {lost} AND "RespondedAt" IS NOT NULL AND "ResponseType" = 'HumanAgentTag' THEN -1 ELSE 0 END) AS INTEGER) AS "SavedByHumanAgent",
                   CAST(SUM(CASE WHEN {lost} AND "RespondedAt" IS NOT NULL AND "ResponseType" = 'Template' THEN -1 ELSE 0 END) AS INTEGER) AS "SavedByTemplate"
            FROM "ResponseFacts" {dialect.IndexedBy("IX_ResponseFacts_Window")}
            WHERE "WindowClosesAt" > @now AND "ReceivedAt" >= @daysFrom AND "ReceivedAt" < @daysTo AND {Dimensions}
            GROUP BY "ChannelId", "AgentId"
            """;
        counts.AddRange(await db.Database.SqlQueryRaw<WindowsLostCount>(open, [.. Parameters(dialect, filter, span), dialect.Parameter("@now", now, DbType.DateTime)])
            .ToListAsync(cancellationToken));
        foreach (var edge in span.Edges(filter))
        {
            counts.AddRange(await FactQueries.WindowsLostAsync(db, edge, now, cancellationToken));
        }

        // A group appears when it has turns with a window, as in the facts (rows whose facts were deleted stay at zero).
        return counts.GroupBy(c => (c.ChannelId, c.AgentId)).Where(g => g.Sum(c => c.WithWindow) != 0)
            .Select(g => new WindowsLostCount(g.Key.ChannelId, g.Key.AgentId, g.Sum(c => c.WithWindow), g.Sum(c => c.Lost), g.Sum(c => c.SavedByHumanAgent), g.Sum(c => c.SavedByTemplate)))
            .ToList();
    }

    /// <summary>Turns of the range per exact second within the <paramref name="buckets"/>, read through <paramref name="index"/>.</summary>
    private static async Task<List<HistogramRow>> SecondsAsync(
        InboxDbContext db, ReportFilter filter, bool byAgent, IReadOnlyList<int> buckets, string index, CancellationToken cancellationToken)
    {
        if (buckets.Count == 0)
        {
            return [];
        }

        var dialect = SqlDialect.For(db.Database);
        var agent = byAgent ? "\"AgentId\"" : "CAST(NULL AS INTEGER)";
        var within = string.Join(" OR ", buckets.Select((_, i) => $"(\"ResponseSeconds\" >= @low{i} AND \"ResponseSeconds\" < @high{i})"));
        var sql = $"""
            SELECT {agent} AS "AgentId", "IsFirst", "ResponseSeconds" AS "Seconds", CAST(COUNT(*) AS INTEGER) AS "Count"
            FROM "ResponseFacts" {dialect.IndexedBy(index)}
            WHERE ({within}) AND {FactQueries.Range} {(byAgent ? "AND \"AgentId\" IS NOT NULL" : "")}
            GROUP BY {(byAgent ? "\"AgentId\", " : "")}"IsFirst", "ResponseSeconds"
            """;
        return await db.Database.SqlQueryRaw<HistogramRow>(sql, [
            .. FactQueries.Parameters(dialect, filter),
            .. buckets.SelectMany((bucket, i) => new[]
            {
                dialect.Parameter($"@low{i}", bucket, DbType.Int32),
                dialect.Parameter($"@high{i}", RollupBuckets.End(bucket), DbType.Int32),
            }),
        ]).ToListAsync(cancellationToken);
    }

    private static DbParameter[] Parameters(SqlDialect dialect, ReportFilter filter, RollupSpan span) =>
    [
        // Compared for equality, so that each grain is a seek on the key rather than a skip-scan.
        dialect.Parameter("@day", false, DbType.Boolean),
        dialect.Parameter("@month", true, DbType.Boolean),
        dialect.Parameter("@daysFrom", span.DaysFrom, DbType.DateTime),
        dialect.Parameter("@monthsFrom", span.MonthsFrom, DbType.DateTime),
        dialect.Parameter("@monthsTo", span.MonthsTo, DbType.DateTime),
        dialect.Parameter("@daysTo", span.DaysTo, DbType.DateTime),
        dialect.Parameter("@channel", filter.ChannelId, DbType.Int32),
        dialect.Parameter("@team", filter.TeamId, DbType.Int32),
        dialect.Parameter("@agent", filter.AgentId, DbType.Int32),
    ];
}
