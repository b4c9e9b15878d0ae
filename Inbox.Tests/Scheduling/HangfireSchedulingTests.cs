using System.Net.Http.Json;
using Hangfire;
using Hangfire.States;
using Inbox.Core.Events;
using Inbox.Core.Scheduling;
using Inbox.Core.Scheduling.Hangfire;
using Inbox.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Inbox.Tests.Scheduling;

/// <summary>
/// The real app with the real Hangfire server on its SQLite file beside the inbox database, reminders due seconds after
/// the customer's message (its timestamp sets the due time). Waits are for an event to happen (with a generous
/// ceiling), never for time to pass.
/// </summary>
public sealed class HangfireSchedulingTests(ITestOutputHelper output) : IDisposable
{
    private const string AppSecret = "test-app-secret-0123";
    private const string PageId = "1040000000001";
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(40);

    private readonly string folder = Directory.CreateTempSubdirectory("inbox-hangfire-").FullName;

    private string Database => Path.Combine(folder, "inbox.db");

    /// <param name="reminderAfter">How long after the customer's message the reminder is due.</param>
    /// <param name="schedulePolling">Hangfire's schedule polling; a long one keeps the first app of a restart from firing anything.</param>
    private InboxAppFactory StartApp(IDomainEventHandler<WindowClosingSoon> reminders, RecordingHandler<MessageReceived> messages, string reminderAfter, string schedulePolling = "00:00:00.200") => InboxAppFactory.With(
        new()
        {
            ["ConnectionStrings:Inbox"] = $"Data Source={Database}",
            ["Inbox:Demo:Enabled"] = "false",
            ["Meta:AppSecret"] = AppSecret,
            ["Inbox:Channels:0:Key"] = "acme-fb",
            ["Inbox:Channels:0:Kind"] = "Messenger",
            ["Inbox:Channels:0:Name"] = "Acme Page",
            ["Inbox:Channels:0:ExternalId"] = PageId,
            ["Inbox:Channels:0:AccessToken"] = "EAAB-page-token",
            ["Inbox:Automations:ReminderAfter"] = reminderAfter,
            ["Inbox:Scheduler:SchedulePollingInterval"] = schedulePolling,
        },
        services =>
        {
            services.AddSingleton(reminders).AddSingleton<IDomainEventHandler<MessageReceived>>(messages);
            services.AddLogging(logging => logging.AddProvider(new TestOutputLog(output)));
        });

    /// <summary>The customer <paramref name="psid"/> writes, stamped <paramref name="at"/>; returns the conversation once its automations are saved.</summary>
    private static async Task<int> CustomerWritesAsync(InboxAppFactory app, RecordingHandler<MessageReceived> messages, string psid, DateTimeOffset at)
    {
        var before = messages.Received.Count;
        var ms = at.ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{ms}}},"messaging":[
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{ms}}},"message":{"mid":"m-{{{psid}}}-{{{ms}}}","text":"Where is my parcel?"}}]}]}
            """;
        var response = await new WebhookPoster(app.CreateClient(), AppSecret).MetaRawAsync(body);
        response.EnsureSuccessStatusCode();

        // Message handlers run after the automations of their batch: the event means the reminder is saved and its job set.
        return (await messages.NthAsync(before + 1).WaitAsync(Ceiling)).ConversationId;
    }

    private static async Task<ScheduledAutomation> ReminderAsync(InboxAppFactory app, int conversationId)
    {
        await using var db = app.OpenDb();
        return await db.Set<ScheduledAutomation>().AsNoTracking().SingleAsync(a => a.ConversationId == conversationId && a.Kind == AutomationKind.WindowReminder);
    }

    /// <summary>The Hangfire job armed for the second the reminder is due in.</summary>
    private static string? JobOf(InboxAppFactory app, ScheduledAutomation row) =>
        ((HangfireAutomationTimer)app.Services.GetRequiredService<IAutomationTimer>()).JobIdOf(AutomationScheduler.RoundUpToSecond(row.DueAt));

    /// <summary>Every automation job the storage holds, whatever its state.</summary>
    private static List<string> AutomationJobIds(InboxAppFactory app)
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = monitoring.ScheduledJobs(0, 1000).Select(j => (j.Key, j.Value.Job))
            .Concat(monitoring.EnqueuedJobs("default", 0, 1000).Select(j => (j.Key, j.Value.Job)))
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => (j.Key, j.Value.Job)))
            .Concat(monitoring.SucceededJobs(0, 1000).Select(j => (j.Key, j.Value.Job)))
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => (j.Key, j.Value.Job)));
        return [.. jobs.Where(j => j.Job?.Type == typeof(AutomationJob)).Select(j => j.Key).Distinct()];
    }

    private static string? StateOf(InboxAppFactory app, string jobId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static long DueSecond(ScheduledAutomation row) => new DateTimeOffset(AutomationScheduler.RoundUpToSecond(row.DueAt), TimeSpan.Zero).ToUnixTimeSeconds();

    private static Task MoveReminderAsync(InboxAppFactory app, int conversationId, TimeSpan fromNow) =>
        app.Services.GetRequiredService<AutomationScheduler>().ScheduleAsync(conversationId, AutomationKind.WindowReminder, DateTime.UtcNow + fromNow);

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void JobStorage_IsItsOwnFileBesideTheInboxDatabase()
    {
        using var app = StartApp(new RecordingHandler<WindowClosingSoon>(), new RecordingHandler<MessageReceived>(), "23:00:00");
        _ = app.Services.GetRequiredService<JobStorage>();

        Assert.True(File.Exists(Path.Combine(folder, "inbox.jobs.db")));
    }

    [Fact]
    public async Task Restart_DueAndOverdueReminders_EachFiresOnce()
    {
        var messages = new RecordingHandler<MessageReceived>();
        var before = new TimedReminders();
        int overdue, due;
        using (var app = StartApp(before, messages, "00:10:00", schedulePolling: "00:10:00"))
        {
            // One due a few seconds after the restart; one already due while the app is down (moved to 5 s ago).
            due = await CustomerWritesAsync(app, messages, "psid-due", DateTimeOffset.UtcNow);
            overdue = await CustomerWritesAsync(app, messages, "psid-overdue", DateTimeOffset.UtcNow);
            await MoveReminderAsync(app, due, TimeSpan.FromSeconds(6));
            await MoveReminderAsync(app, overdue, TimeSpan.FromSeconds(-5));
            Assert.Equal(AutomationState.Scheduled, (await ReminderAsync(app, due)).State);
        }

        var after = new TimedReminders();
        using (var app = StartApp(after, messages, "00:10:00"))
        {
            _ = app.Services;
            var remaining = 2 - before.Received.Count;
            if (remaining > 0)
            {
                await after.CountAsync(remaining).WaitAsync(Ceiling);
            }
        }

        // Stopping waited for the firings to finish. Across both runs, each conversation was reminded exactly once.
        var all = before.Received.Concat(after.Received).Select(r => r.Reminder.ConversationId).Order().ToList();
        Assert.Equal(new[] { overdue, due }.Order(), all);
        Assert.Equal(2, Count("SELECT COUNT(*) FROM ScheduledAutomations WHERE Kind = 'WindowReminder' AND State = 'Done'"));
    }

    [Fact]
    public async Task SameJob_RunTwiceAtOnce_RemindsOnce()
    {
        var messages = new RecordingHandler<MessageReceived>();
        var reminders = new TimedReminders();
        int conversationId;
        using (var app = StartApp(reminders, messages, "00:10:00"))
        {
            conversationId = await CustomerWritesAsync(app, messages, "psid-1", DateTimeOffset.UtcNow);
            await MoveReminderAsync(app, conversationId, TimeSpan.FromMinutes(-1));
            var row = await ReminderAsync(app, conversationId);

            // Two more copies of the due job, enqueued together beside the app's own, and two run directly at once.
            var client = app.Services.GetRequiredService<IBackgroundJobClient>();
            client.Enqueue<AutomationJob>(j => j.RunAsync(DueSecond(row), CancellationToken.None));
            client.Enqueue<AutomationJob>(j => j.RunAsync(DueSecond(row), CancellationToken.None));
            var job = ActivatorUtilities.CreateInstance<AutomationJob>(app.Services);
            await Task.WhenAll(
                job.RunAsync(DueSecond(row), CancellationToken.None),
                job.RunAsync(DueSecond(row), CancellationToken.None));
            await reminders.CountAsync(1).WaitAsync(Ceiling);
        }

        Assert.Single(reminders.Received);
        Assert.Equal(conversationId, reminders.Received[0].Reminder.ConversationId);
    }

    [Fact]
    public async Task JobWokenEarly_RearmsAndRemindsAtItsDueTimeNotBefore()
    {
        var messages = new RecordingHandler<MessageReceived>();
        var reminders = new TimedReminders();
        using var app = StartApp(reminders, messages, "00:10:00");
        var conversationId = await CustomerWritesAsync(app, messages, "psid-1", DateTimeOffset.UtcNow);

        // Due in seconds: long enough for the copy below to run well before it, even on a busy machine.
        await MoveReminderAsync(app, conversationId, TimeSpan.FromSeconds(10));
        var row = await ReminderAsync(app, conversationId);
        var armed = JobOf(app, row);
        Assert.NotNull(armed);

        // A copy of the job runs at once, seconds before its due time (as a job woken early would).
        var early = app.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<AutomationJob>(j => j.RunAsync(DueSecond(row), CancellationToken.None));

        var reminder = await reminders.CountAsync(1).WaitAsync(Ceiling);
        Assert.True(reminder.At >= row.DueAt, $"Reminded at {reminder.At:O}, before its due time {row.DueAt:O}");
        Assert.Equal(SucceededState.StateName, StateOf(app, early));
        Assert.NotEqual(armed, JobOf(app, row));

        // The reminder is shown before its outcome is recorded: wait for the firing to end.
        await app.Services.GetRequiredService<AutomationRunner>().WhenIdleAsync().WaitAsync(Ceiling);
        Assert.Equal(AutomationState.Done, (await ReminderAsync(app, conversationId)).State);
    }

    [Fact]
    public async Task AgentReplies_ReminderCancelledAndItsSecondFindsNothing()
    {
        var messages = new RecordingHandler<MessageReceived>();
        var reminders = new TimedReminders();

        // Hangfire's schedule polling is long: the test runs the armed second's job itself, after the reply.
        using var app = StartApp(reminders, messages, "00:10:00", schedulePolling: "00:10:00");
        var conversationId = await CustomerWritesAsync(app, messages, "psid-1", DateTimeOffset.UtcNow);
        await MoveReminderAsync(app, conversationId, TimeSpan.FromSeconds(-1));
        var row = await ReminderAsync(app, conversationId);
        var job = Assert.Single(AutomationJobIds(app));
        Assert.Equal(ScheduledState.StateName, StateOf(app, job));

        var reply = await app.ApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text = "It left our warehouse today." });
        reply.EnsureSuccessStatusCode();
        var ran = await ActivatorUtilities.CreateInstance<AutomationJob>(app.Services).RunAsync(DueSecond(row), CancellationToken.None);

        Assert.Equal(0, ran);
        Assert.Equal(AutomationState.Cancelled, (await ReminderAsync(app, conversationId)).State);
        Assert.Empty(reminders.Received);
    }

    [Fact]
    public async Task ReminderBeyondTheHorizon_NoHangfireJobUntilTheArmingRunBringsItNear()
    {
        var messages = new RecordingHandler<MessageReceived>();
        var reminders = new TimedReminders();
        using var app = StartApp(reminders, messages, "00:10:00");
        var conversationId = await CustomerWritesAsync(app, messages, "psid-1", DateTimeOffset.UtcNow);
        Assert.Empty(AutomationJobIds(app));

        // As if the ten minutes had nearly passed: our row is due in two seconds; only the arming run arms it.
        var due = DateTime.UtcNow.AddSeconds(2);
        await using (var db = app.OpenDb())
        {
            await db.Set<ScheduledAutomation>().Where(a => a.ConversationId == conversationId && a.Kind == AutomationKind.WindowReminder)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.DueAt, due));
        }

        Assert.Empty(AutomationJobIds(app));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(AutomationArmingJob.Id);

        var reminder = await reminders.CountAsync(1).WaitAsync(Ceiling);
        Assert.True(reminder.At >= due, $"Reminded at {reminder.At:O}, before its due time {due:O}");
        Assert.Single(AutomationJobIds(app));
    }

    [Fact]
    public async Task ManyRemindersDueInOneSecond_RunFromOneHangfireJob()
    {
        var messages = new RecordingHandler<MessageReceived>();
        var reminders = new TimedReminders();
        using var app = StartApp(reminders, messages, "00:10:00");
        var conversations = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            conversations.Add(await CustomerWritesAsync(app, messages, $"psid-{i}", DateTimeOffset.UtcNow));
        }

        // All due within one second, a few seconds from now.
        var second = AutomationScheduler.RoundUpToSecond(DateTime.UtcNow.AddSeconds(4));
        var dues = conversations.Select((c, i) => (Conversation: c, Due: second.AddMilliseconds(-70 * i))).ToDictionary(d => d.Conversation, d => d.Due);
        await app.Services.GetRequiredService<AutomationScheduler>().ApplyAsync(
            [.. dues.Select(d => AutomationChange.Schedule(d.Key, AutomationKind.WindowReminder, d.Value))]);
        var job = Assert.Single(AutomationJobIds(app));

        try
        {
            await reminders.CountAsync(conversations.Count).WaitAsync(Ceiling);
        }
        catch (TimeoutException)
        {
            await using var db = app.OpenDb();
            var rows = await db.Set<ScheduledAutomation>().AsNoTracking().Where(a => a.Kind == AutomationKind.WindowReminder).ToListAsync();
            Assert.Fail($"{reminders.Received.Count} of {conversations.Count} reminders shown within {Ceiling}. Jobs: {string.Join(", ", AutomationJobIds(app).Select(j => $"{j} {StateOf(app, j)}"))}. "
                + $"Reminders: {string.Join("; ", rows.Select(r => $"{r.ConversationId} {r.State} due {r.DueAt:HH:mm:ss.fff} {r.Outcome}"))}");
        }

        Assert.Equal(conversations.Order(), reminders.Received.Select(r => r.Reminder.ConversationId).Order());
        Assert.All(reminders.Received, r => Assert.True(r.At >= dues[r.Reminder.ConversationId], $"Reminded at {r.At:O}, before {dues[r.Reminder.ConversationId]:O}"));
        Assert.Equal(job, JobOf(app, await ReminderAsync(app, conversations[0])));

        // Still the one job in storage, so it ran all twelve; its result ("12") is written only after the reminders are
        // shown, when Hangfire moves it to Succeeded, which this test does not wait for.
        Assert.Equal([job], AutomationJobIds(app));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The job storage may still hold its file for a moment; left for the OS temp cleaner.
        }
    }

    /// <summary>Reminders as shown, with the wall-clock time they were shown at.</summary>
    private sealed class TimedReminders : IDomainEventHandler<WindowClosingSoon>
    {
        private readonly RecordingHandler<(WindowClosingSoon Reminder, DateTime At)> inner = new();

        public List<(WindowClosingSoon Reminder, DateTime At)> Received => inner.Received;

        public Task<(WindowClosingSoon Reminder, DateTime At)> CountAsync(int count) => inner.NthAsync(Math.Max(count, 1));

        public Task HandleAsync(WindowClosingSoon domainEvent, CancellationToken cancellationToken) =>
            inner.HandleAsync((domainEvent, DateTime.UtcNow), cancellationToken);
    }
}
