using System.Diagnostics;
using System.Globalization;
using Inbox.Core.Persistence;
using Inbox.Core.Scheduling;
using Inbox.Core.Scheduling.Quartz;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Inbox.Bench;

/// <summary>
/// Schedules N one-shot jobs due uniformly over the next minute on the app's Quartz set-up (ADO.NET job store on a
/// fresh SQLite file, Inbox:Scheduler settings), then reports how late they fired.
/// </summary>
public static class SchedulerBenchmark
{
    /// <summary><c>scheduler [count=10000] [spreadSeconds=60] [Inbox:Scheduler:Key=value ...]</c></summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var c) ? c : 10_000;
        var spread = TimeSpan.FromSeconds(args.Length > 1 && int.TryParse(args[1], out var s) ? s : 60);
        var folder = Directory.CreateTempSubdirectory("inbox-bench-").FullName;
        var overrides = args.Skip(2).Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => (string?)p[1]);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Inbox"] = $"Data Source={Path.Combine(folder, "bench.db")}" })
            .AddInMemoryCollection(overrides)
            .Build();

        var recorder = new LatenessRecorder(count);
        var services = new ServiceCollection()
            .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddPersistence(configuration, folder)
            .AddSingleton(recorder)
            .AddSingleton<QuartzHost>();
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        var host = provider.GetRequiredService<QuartzHost>();
        var scheduler = await host.SchedulerAsync();
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        Console.WriteLine($"Scheduling {count:N0} jobs due over {spread.TotalSeconds:N0} s (idle wait {options.IdleWait.TotalMilliseconds} ms, misfire threshold {options.MisfireThreshold.TotalSeconds} s, batch {options.BatchSize}, batch window {options.BatchWindow.TotalMilliseconds} ms, {options.Threads} threads)...");

        // Stored before the scheduler starts, so the time it takes to store them is not counted as lateness; the first is
        // due 30 s from now, which storing must not exceed (it is reported).
        var clock = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow.AddSeconds(30);
        for (var i = 0; i < count; i++)
        {
            var key = new JobKey($"bench-{i.ToString(CultureInfo.InvariantCulture)}", "bench");
            var job = JobBuilder.Create<LatenessJob>().WithIdentity(key).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(key.Name, key.Group).StartAt(start + (spread * i / count))
                .WithSimpleSchedule(x => x.WithMisfireHandlingInstructionFireNow()).Build();
            await scheduler.ScheduleJob(job, trigger);
        }

        Console.WriteLine($"Stored in {clock.Elapsed.TotalSeconds:N1} s (one SQLite transaction each, as in the app); the first is due in {(start - DateTimeOffset.UtcNow).TotalSeconds:N1} s.");
        await scheduler.Start();
        await recorder.All.WaitAsync(spread + TimeSpan.FromMinutes(5));
        await host.StopAsync(CancellationToken.None);

        var lateness = recorder.Snapshot().Select(t => t.TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => lateness[Math.Min(lateness.Length - 1, (int)Math.Ceiling(p * lateness.Length) - 1)];
        Console.WriteLine($"Fired {lateness.Length:N0}. Lateness: p50 {Percentile(.50):N0} ms, p99 {Percentile(.99):N0} ms, max {lateness[^1]:N0} ms, min {lateness[0]:N0} ms.");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return 0;
    }
}
