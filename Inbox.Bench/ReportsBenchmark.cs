using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Inbox.Core.Persistence;
using Inbox.Core.Reporting;
using Inbox.Core.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Bench;

/// <summary>
/// <c>reports</c>: generates the data set into a fresh SQLite file, builds the facts, then times every dashboard
/// query (30 days and a whole year) against the naive scan of Messages it replaces. Each time is the median of
/// several runs after a warm-up; BenchmarkDotNet's statistics are overkill for queries of this size.
/// </summary>
public static class ReportsBenchmark
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = Option(args, "--conversations", 100_000);
        var messages = Option(args, "--messages", 1_000_000);
        var path = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault()
            ?? Path.Combine(Path.GetTempPath(), $"inbox-bench-{Guid.NewGuid():N}.db");
        File.Delete(path);
        var connectionString = $"Data Source={path}";
        await using var services = Services(connectionString);

        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var written = await BenchData.GenerateAsync(connectionString, conversations, messages, Now);
        Console.WriteLine($"Generated {written:N0} messages in {conversations:N0} conversations in {clock.Elapsed.TotalSeconds:F1} s ({path})");
        clock.Restart();
        var turns = await services.GetRequiredService<ReportingBackfill>().RebuildAsync();
        Console.WriteLine($"Built {turns:N0} customer-turn facts and their roll-up ({await RollupRowsAsync(connectionString):N0} day and month rows) in {clock.Elapsed.TotalSeconds:F1} s (once; afterwards kept up to date per event)");
        await Analyze(connectionString);

        var today = DateOnly.FromDateTime(Now);
        var month = ReportFilter.ForDays(today.AddDays(-29), today, TimeZoneInfo.Utc);
        var year = ReportFilter.ForDays(today.AddDays(-364), today, TimeZoneInfo.Utc);
        var facts = Queries(services, readRollups: false).ToList();
        var rollups = Queries(services, readRollups: true).ToList();
        Console.WriteLine();
        Console.WriteLine($"{"dashboard query",-30} {"facts 30 d",11} {"roll-up 30 d",13} {"facts 365 d",12} {"roll-up 365 d",14}  same figures");
        var allEqual = true;
        for (var i = 0; i < facts.Count; i++)
        {
            var (name, fromFacts, usesRollup) = facts[i];
            var fromRollup = rollups[i].Query;
            var equal = await SameAsync(fromFacts, fromRollup, month) && await SameAsync(fromFacts, fromRollup, year);
            allEqual &= equal;
            Console.WriteLine(
                $"{name,-30} {await MedianMs(() => fromFacts(month)),8:F1} ms {await MedianMs(() => fromRollup(month)),10:F1} ms " +
                $"{await MedianMs(() => fromFacts(year)),9:F1} ms {await MedianMs(() => fromRollup(year)),11:F1} ms  " +
                $"{(usesRollup ? equal ? "equal" : "DIFFERENT" : "(reads facts)")}");
        }

        Console.WriteLine($"Roll-up answers equal the fact-table answers on 30 days and 365 days: {(allEqual ? "yes" : "NO")}");

        Console.WriteLine();
        Console.WriteLine($"{"naive scan of Messages it replaces",-44} {"30 days",10}");
        foreach (var (name, sql) in NaiveScans.All)
        {
            Console.WriteLine($"{name,-44} {await MedianMs(() => Scan(connectionString, sql, month), runs: 1),8:F0} ms");
        }

        SqliteConnection.ClearAllPools();
        if (!args.Contains("--keep"))
        {
            File.Delete(path);
        }

        return 0;
    }

    /// <summary>Every dashboard query, answering with its figures; <c>UsesRollup</c>: whether <paramref name="readRollups"/> changes where it reads.</summary>
    private static IEnumerable<(string Name, Func<ReportFilter, Task<object>> Query, bool UsesRollup)> Queries(IServiceProvider services, bool readRollups)
    {
        var options = Options.Create(new ReportingOptions { ReadRollups = readRollups });
        var responses = ActivatorUtilities.CreateInstance<ResponseReports>(services, options);
        var agents = ActivatorUtilities.CreateInstance<AgentReport>(services, options);
        var costs = services.GetRequiredService<CostReport>();
        yield return ("now strip", async _ => await services.GetRequiredService<NowReport>().NowAsync(), false);
        yield return ("badge estimate (both Pages)", async _ => await services.GetRequiredService<BadgeReport>().EstimateAsync(), false);
        yield return ("response times", async f => await responses.ResponseTimesAsync(f), true);
        yield return ("response times, one channel", async f => await responses.ResponseTimesAsync(f with { ChannelId = 1 }), true);
        yield return ("windows lost", async f => await responses.WindowsLostAsync(f), true);
        yield return ("volume heatmap", async f => await responses.VolumeAsync(f), false);
        yield return ("backlog", async f => await responses.BacklogAsync(f), false);
        yield return ("csat", async f => await services.GetRequiredService<CsatReport>().SummaryAsync(f), false);
        yield return ("whatsapp sends", async f => await costs.WhatsAppAsync(f), false);
        yield return ("line quota", async _ => await costs.LineQuotaAsync(), false);
        yield return ("agents table", async f => await agents.RowsAsync(f), true);
        yield return ("agents table, one team", async f => await agents.RowsAsync(f with { TeamId = 1 }), true);
    }

    private static async Task<bool> SameAsync(Func<ReportFilter, Task<object>> facts, Func<ReportFilter, Task<object>> rollup, ReportFilter filter) =>
        JsonSerializer.Serialize(await facts(filter)) == JsonSerializer.Serialize(await rollup(filter));

    private static async Task<long> RollupRowsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ResponseRollups";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<double> MedianMs(Func<Task> run, int runs = 5)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private static async Task Scan(string connectionString, string sql, ReportFilter filter)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@from", filter.From);
        command.Parameters.AddWithValue("@to", filter.To);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static async Task Analyze(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "ANALYZE;";
        await command.ExecuteNonQueryAsync();
    }

    private static ServiceProvider Services(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Inbox"] = connectionString }).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton<TimeProvider>(new FixedTime(Now));
        services.AddPersistence(configuration, Directory.GetCurrentDirectory());
        services.AddSingleton(Options.Create(new ReportingOptions()));
        services.AddSingleton<IReportingCalendar, NoReportingCalendar>().AddSingleton<ReportingBackfill>().AddSingleton<AgentPresence>();
        services.AddSingleton<BadgeReport>().AddSingleton<ResponseReports>().AddSingleton<CostReport>().AddSingleton<CsatReport>()
            .AddSingleton<AgentReport>().AddSingleton<NowReport>();
        return services.BuildServiceProvider();
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
