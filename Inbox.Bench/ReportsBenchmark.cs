using System.Diagnostics;
using System.Globalization;
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
        Console.WriteLine($"Built {turns:N0} customer-turn facts in {clock.Elapsed.TotalSeconds:F1} s (once; afterwards kept up to date per event)");
        await Analyze(connectionString);

        var month = ReportFilter.ForDays(DateOnly.FromDateTime(Now).AddDays(-29), DateOnly.FromDateTime(Now), TimeZoneInfo.Utc);
        var year = month with { From = Now.AddDays(-365) };
        Console.WriteLine();
        Console.WriteLine($"{"dashboard query",-34} {"30 days",10} {"365 days",10}");
        foreach (var (name, query) in Queries(services))
        {
            Console.WriteLine($"{name,-34} {await MedianMs(() => query(month)),8:F1} ms {await MedianMs(() => query(year)),8:F1} ms");
        }

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

    private static IEnumerable<(string Name, Func<ReportFilter, Task> Query)> Queries(IServiceProvider services)
    {
        var responses = services.GetRequiredService<ResponseReports>();
        var costs = services.GetRequiredService<CostReport>();
        yield return ("now strip", _ => services.GetRequiredService<NowReport>().NowAsync());
        yield return ("badge estimate (both Pages)", _ => services.GetRequiredService<BadgeReport>().EstimateAsync());
        yield return ("response times", f => responses.ResponseTimesAsync(f));
        yield return ("windows lost", f => responses.WindowsLostAsync(f));
        yield return ("volume heatmap", f => responses.VolumeAsync(f));
        yield return ("backlog", f => responses.BacklogAsync(f));
        yield return ("csat", f => services.GetRequiredService<CsatReport>().SummaryAsync(f));
        yield return ("whatsapp sends", f => costs.WhatsAppAsync(f));
        yield return ("line quota", _ => costs.LineQuotaAsync());
        yield return ("agents table", f => services.GetRequiredService<AgentReport>().RowsAsync(f));
        yield return ("response times, one channel", f => responses.ResponseTimesAsync(f with { ChannelId = 1 }));
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
