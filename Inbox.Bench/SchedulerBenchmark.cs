using System.Diagnostics;
using Inbox.Core;
using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Inbox.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Bench;

/// <summary>
/// N window-closing reminders due uniformly over the next minute, through the app's own path: rows (and, for seconds
/// within Inbox:Scheduler:ArmAhead, Hangfire jobs) stored by <see cref="AutomationScheduler"/> (batches of 100, as a
/// webhook batch does), armed by the start-up and every-minute arming runs, fired by Hangfire's server with
/// the Inbox:Scheduler settings on its own SQLite file, claimed and re-checked by <see cref="AutomationRunner"/>.
/// Reports how late each reminder was shown, how many early, and how many conversations were reminded twice.
/// </summary>
public static class SchedulerBenchmark
{
    private static readonly TimeSpan Lead = TimeSpan.FromHours(1);

    /// <summary><c>scheduler [count=10000] [spreadSeconds=60] [Inbox:Scheduler:Key=value ...]</c></summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var c) ? c : 10_000;
        var spread = TimeSpan.FromSeconds(args.Length > 1 && int.TryParse(args[1], out var s) ? s : 60);
        var folder = Directory.CreateTempSubdirectory("inbox-bench-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Inbox"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["Inbox:Demo:Enabled"] = "false",
            ["Inbox:Automations:ReminderAfter"] = "23:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(args.Skip(2).Select(a => a.Split('=', 2)).Where(p => p.Length == 2)
            .Select(p => new KeyValuePair<string, string?>(p[0], p[1])));
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var recorder = new LatenessRecorder(count, Lead);
        builder.Services.AddInboxCore(builder.Configuration, folder).AddSingleton<IDomainEventHandler<WindowClosingSoon>>(recorder);
        using var host = builder.Build();
        await host.Services.InitializeInboxAsync();

        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        Console.WriteLine($"Scheduling {count:N0} reminders due over {spread.TotalSeconds:N0} s (schedule polling {options.SchedulePollingInterval.TotalMilliseconds} ms, queue polling {options.QueuePollInterval.TotalMilliseconds} ms, {options.Workers} workers)...");

        // Stored before the server starts, so storing is not counted as lateness; the first is due once storing is done
        // (well under 1 ms a row, so 30 s plus 3 ms a row from now, while Hangfire's server starts).
        var clock = Stopwatch.StartNew();
        var start = DateTime.UtcNow.AddSeconds(30) + (TimeSpan.FromMilliseconds(3) * count);
        var dues = Enumerable.Range(0, count).Select(i => start + (spread * i / count)).ToList();
        var ids = await SeedAsync(host.Services, dues);
        var scheduler = host.Services.GetRequiredService<AutomationScheduler>();
        foreach (var batch in ids.Zip(dues).Chunk(100))
        {
            await scheduler.ApplyAsync([.. batch.Select(b => AutomationChange.Schedule(b.First, AutomationKind.WindowReminder, b.Second))]);
        }

        Console.WriteLine($"Stored in {clock.Elapsed.TotalSeconds:N1} s (rows in batches of 100, jobs only for seconds within the horizon); the first is due in {(start - DateTime.UtcNow).TotalSeconds:N1} s.");
        await host.StartAsync();
        var finished = await Task.WhenAny(recorder.All, Task.Delay(spread + TimeSpan.FromMinutes(5))) == recorder.All;

        // A duplicate would run beside the first: give stragglers the polling intervals and a second to show up.
        await Task.Delay(options.SchedulePollingInterval + options.QueuePollInterval + TimeSpan.FromSeconds(1));
        await host.StopAsync();

        var (all, twice) = recorder.Snapshot();
        var lateness = all.Select(t => t.TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => lateness[Math.Min(lateness.Length - 1, (int)Math.Ceiling(p * lateness.Length) - 1)];
        if (lateness.Length == 0)
        {
            Console.WriteLine("Reminded none.");
            return 1;
        }

        Console.WriteLine($"Reminded {lateness.Length:N0}{(finished ? "" : $" of {count:N0} (gave up {spread.TotalSeconds + 300:N0} s after the first was due)")}. Lateness: p50 {Percentile(.50):N0} ms, p99 {Percentile(.99):N0} ms, max {lateness[^1]:N0} ms, min {lateness[0]:N0} ms. Early: {lateness.Count(l => l < 0)}. Twice: {twice}.");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>One Messenger conversation per reminder, its customer unanswered since 23 h before the reminder is due.</summary>
    private static async Task<List<int>> SeedAsync(IServiceProvider services, List<DateTime> dues)
    {
        await using var db = services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<InboxDbContext>>().CreateDbContext();
        var now = DateTime.UtcNow;
        var channel = new Channel { Key = "bench", Kind = ChannelKind.Messenger, Name = "Bench", ExternalId = "bench", CreatedAt = now };
        db.Channels.Add(channel);
        var conversations = dues.Select((due, i) => new Conversation
        {
            Channel = channel, Kind = ConversationKind.Direct, Status = ConversationStatus.Open, LastInboundAt = due + Lead - TimeSpan.FromHours(24), CreatedAt = now,
            Contact = new Contact { Channel = channel, ExternalId = $"psid-{i}", Name = $"Customer {i}", CreatedAt = now },
        }).ToList();
        db.Conversations.AddRange(conversations);
        await db.SaveChangesAsync();
        return [.. conversations.Select(c => c.Id)];
    }
}
