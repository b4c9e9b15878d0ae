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

namespace Inbox.Tests.Scheduling;

/// <summary>
/// The real app with the real Hangfire server on its SQLite file beside the inbox database, reminders due seconds after
/// the customer's message (its timestamp sets the due time). Waits are for an event to happen (with a generous
/// ceiling), never for time to pass.
/// </summary>
public sealed class HangfireSchedulingTests : IDisposable
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
        services => services.AddSingleton(reminders).AddSingleton<IDomainEventHandler<MessageReceived>>(messages));

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

    private static string? JobOf(InboxAppFactory app, int conversationId) =>
        ((HangfireAutomationTimer)app.Services.GetRequiredService<IAutomationTimer>()).JobIdOf(AutomationKind.WindowReminder, conversationId);

    private static string? StateOf(InboxAppFactory app, string jobId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static long DueMilliseconds(ScheduledAutomation row) => new DateTimeOffset(row.DueAt, TimeSpan.Zero).ToUnixTimeMilliseconds();

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
            client.Enqueue<AutomationJob>(j => j.RunAsync(AutomationKind.WindowReminder, conversationId, DueMilliseconds(row), CancellationToken.None));
            client.Enqueue<AutomationJob>(j => j.RunAsync(AutomationKind.WindowReminder, conversationId, DueMilliseconds(row), CancellationToken.None));
            var job = ActivatorUtilities.CreateInstance<AutomationJob>(app.Services);
            await Task.WhenAll(
                job.RunAsync(AutomationKind.WindowReminder, conversationId, DueMilliseconds(row), CancellationToken.None),
                job.RunAsync(AutomationKind.WindowReminder, conversationId, DueMilliseconds(row), CancellationToken.None));
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
        var armed = JobOf(app, conversationId);

        // A copy of the job runs at once, seconds before its due time (as a job woken early would).
        var early = app.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<AutomationJob>(j => j.RunAsync(AutomationKind.WindowReminder, conversationId, DueMilliseconds(row), CancellationToken.None));

        var reminder = await reminders.CountAsync(1).WaitAsync(Ceiling);
        Assert.True(reminder.At >= row.DueAt, $"Reminded at {reminder.At:O}, before its due time {row.DueAt:O}");
        Assert.Equal(SucceededState.StateName, StateOf(app, early));
        Assert.NotEqual(armed, JobOf(app, conversationId));
        Assert.Equal(AutomationState.Done, (await ReminderAsync(app, conversationId)).State);
    }

    [Fact]
    public async Task AgentReplies_ReminderCancelledAndItsJobDeleted()
    {
        var messages = new RecordingHandler<MessageReceived>();
        var reminders = new TimedReminders();
        using var app = StartApp(reminders, messages, "00:10:00");
        var conversationId = await CustomerWritesAsync(app, messages, "psid-1", DateTimeOffset.UtcNow);
        var job = JobOf(app, conversationId);
        Assert.Equal(ScheduledState.StateName, StateOf(app, job!));

        var reply = await app.ApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text = "It left our warehouse today." });
        reply.EnsureSuccessStatusCode();

        Assert.Equal(AutomationState.Cancelled, (await ReminderAsync(app, conversationId)).State);
        Assert.Equal(DeletedState.StateName, StateOf(app, job!));
        Assert.Null(JobOf(app, conversationId));
        Assert.Empty(reminders.Received);
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
