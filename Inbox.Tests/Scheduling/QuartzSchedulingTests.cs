using Inbox.Core.Events;
using Inbox.Core.Scheduling;
using Inbox.Core.Scheduling.Quartz;
using Inbox.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net.Http.Json;

namespace Inbox.Tests.Scheduling;

/// <summary>
/// The real app with the real Quartz scheduler on a SQLite file, a reminder due seconds after the customer's message.
/// Waits are for an event to happen (with a generous ceiling), never for time to pass.
/// </summary>
public sealed class QuartzSchedulingTests : IDisposable
{
    private const string AppSecret = "test-app-secret-0123";
    private const string PageId = "1040000000001";
    private const string FiresSoon = "00:00:08";
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(30);

    private readonly string folder = Directory.CreateTempSubdirectory("inbox-quartz-").FullName;

    private readonly TaskCompletionSource<int> scheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="reminderAfter">
    /// How long after the customer's message the reminder is due. Long enough that a cold test process (JIT, first
    /// database) has stored it, and the first app stopped, before it is due; the cancel test never wants it to fire.
    /// </param>
    private InboxAppFactory StartApp(RecordingHandler<WindowClosingSoon> reminders, string reminderAfter, RecordingHandler<MessageReceived>? messages = null) => InboxAppFactory.With(
        new()
        {
            ["ConnectionStrings:Inbox"] = $"Data Source={Path.Combine(folder, "inbox.db")}",
            ["Inbox:Demo:Enabled"] = "false",
            ["Meta:AppSecret"] = AppSecret,
            ["Inbox:Channels:0:Key"] = "acme-fb",
            ["Inbox:Channels:0:Kind"] = "Messenger",
            ["Inbox:Channels:0:Name"] = "Acme Page",
            ["Inbox:Channels:0:ExternalId"] = PageId,
            ["Inbox:Channels:0:AccessToken"] = "EAAB-page-token",
            ["Inbox:Automations:ReminderAfter"] = reminderAfter,
        },
        services => services
            .AddSingleton<IDomainEventHandler<WindowClosingSoon>>(reminders)
            .AddSingleton<IDomainEventHandler<MessageReceived>>(messages ?? new RecordingHandler<MessageReceived>())
            .Replace(ServiceDescriptor.Singleton<IAutomationTimer>(sp => new SignallingTimer(new QuartzAutomationTimer(sp.GetRequiredService<QuartzHost>()), scheduled))));

    private async Task<int> CustomerWritesAsync(InboxAppFactory app, long? atMilliseconds = null)
    {
        var at = atMilliseconds ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"psid-1"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{at}}},"message":{"mid":"m-{{{at}}}","text":"Where is my parcel?"}}]}]}
            """;
        var response = await new WebhookPoster(app.CreateClient(), AppSecret).MetaRawAsync(body);
        response.EnsureSuccessStatusCode();

        // Once Quartz holds the reminder's trigger, the scheduling is complete.
        return await scheduled.Task.WaitAsync(Ceiling);
    }

    private static async Task PostMessageAsync(InboxAppFactory app, long atMilliseconds)
    {
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{atMilliseconds}}},"messaging":[
              {"sender":{"id":"psid-1"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{atMilliseconds}}},"message":{"mid":"m-{{{atMilliseconds}}}","text":"Hello? Still there?"}}]}]}
            """;
        var response = await new WebhookPoster(app.CreateClient(), AppSecret).MetaRawAsync(body);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<ScheduledAutomation> ReminderAsync(InboxAppFactory app, int conversationId)
    {
        await using var db = app.OpenDb();
        return await db.Set<ScheduledAutomation>().AsNoTracking().SingleAsync(a => a.ConversationId == conversationId && a.Kind == AutomationKind.WindowReminder);
    }

    private long Triggers() => (long)Scalar("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_GROUP = 'automations'");

    private object Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "inbox.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Reminder_AppRestartsBeforeItIsDue_FiresOnceAfterTheRestart()
    {
        var before = new RecordingHandler<WindowClosingSoon>();
        int conversationId;
        using (var app = StartApp(before, FiresSoon))
        {
            conversationId = await CustomerWritesAsync(app);
            Assert.Equal(AutomationState.Scheduled, (await ReminderAsync(app, conversationId)).State);
        }

        Assert.Equal(1, Triggers());
        Assert.Empty(before.Received);

        var after = new RecordingHandler<WindowClosingSoon>();
        using (var app = StartApp(after, FiresSoon))
        {
            _ = app.Services;
            var reminder = await after.First.WaitAsync(Ceiling);
            Assert.Equal(conversationId, reminder.ConversationId);
        }

        // Stopping waited for the firing to finish. Fired once, recorded as done. (Quartz may not yet have deleted the
        // spent one-shot trigger when it stops; a firing of it would find nothing to claim, as AutomationServicesTests shows.)
        Assert.Single(after.Received);
        Assert.Equal("Done", Scalar($"SELECT State FROM ScheduledAutomations WHERE ConversationId = {conversationId} AND Kind = 'WindowReminder'"));
    }

    [Fact]
    public async Task Reminder_CustomerWritesAgainBeforeItIsDue_FiresOnceForTheLatestWindow()
    {
        var reminders = new RecordingHandler<WindowClosingSoon>();
        var messages = new RecordingHandler<MessageReceived>();
        int conversationId;
        using (var app = StartApp(reminders, FiresSoon, messages))
        {
            var first = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            conversationId = await CustomerWritesAsync(app, first);
            var firstDue = (await ReminderAsync(app, conversationId)).DueAt;

            // The second message is stamped 3 s later: its reminder is due 3 s after the trigger Quartz already holds.
            // Message handlers run after the automations of their batch, so the second event means the move is saved.
            var second = first + 3000;
            await PostMessageAsync(app, second);
            await messages.NthAsync(2).WaitAsync(Ceiling);
            Assert.Equal(firstDue.AddSeconds(3), (await ReminderAsync(app, conversationId)).DueAt);

            // The first trigger fires, finds nothing due, and re-arms; the reminder then fires once, for the second window.
            var reminder = await reminders.First.WaitAsync(Ceiling);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(second).UtcDateTime.AddHours(24), reminder.ClosesAt);
        }

        // Stopping waited for the firing to finish.
        Assert.Single(reminders.Received);
        Assert.Equal("Done", Scalar($"SELECT State FROM ScheduledAutomations WHERE ConversationId = {conversationId} AND Kind = 'WindowReminder'"));
    }

    [Fact]
    public async Task Reminder_AgentReplies_CancelledAndItsTriggerRemoved()
    {
        var reminders = new RecordingHandler<WindowClosingSoon>();
        using var app = StartApp(reminders, "00:10:00");
        var conversationId = await CustomerWritesAsync(app);
        Assert.Equal(1, Triggers());

        var reply = await app.ApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text = "It left our warehouse today." });
        reply.EnsureSuccessStatusCode();

        Assert.Equal(AutomationState.Cancelled, (await ReminderAsync(app, conversationId)).State);
        Assert.Equal(0, Triggers());
        Assert.Empty(reminders.Received);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The app's Quartz timer, telling the test when a reminder's trigger is stored.</summary>
    private sealed class SignallingTimer(IAutomationTimer inner, TaskCompletionSource<int> scheduled) : IAutomationTimer
    {
        public async Task SetAsync(AutomationKind kind, int conversationId, DateTime dueUtc, CancellationToken cancellationToken)
        {
            await inner.SetAsync(kind, conversationId, dueUtc, cancellationToken);
            scheduled.TrySetResult(conversationId);
        }

        public Task ClearAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken) => inner.ClearAsync(kind, conversationId, cancellationToken);

        public Task<bool> IsSetAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken) => inner.IsSetAsync(kind, conversationId, cancellationToken);
    }
}
