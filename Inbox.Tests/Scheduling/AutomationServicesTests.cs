using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Policy;
using Inbox.Core.Scheduling;
using Inbox.Core.Scheduling.Hangfire;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Scheduling;

/// <summary>The automations on a real database with a hand-moved clock (Friday 20 November 2026, noon UTC) and no Hangfire: the test fires them.</summary>
public class AutomationServicesTests : CoreTestBase
{
    private readonly RecordingTimer timer = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<IAutomationTimer>(timer);
        services.AddScheduling();
    }

    private AutomationScheduler Scheduler => Harness.Get<AutomationScheduler>();

    private Task PublishAsync<T>(T domainEvent)
        where T : notnull => Harness.Get<DomainEvents>().PublishAsync(domainEvent);

    private async Task<Conversation> CustomerWritesAsync(Channel channel, Conversation? conversation = null)
    {
        if (conversation is null)
        {
            conversation = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        }
        else
        {
            await using var db = Harness.Open();
            await db.Conversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInboundAt, Harness.Time.UtcNow));
        }

        await PublishAsync(new MessageReceived(conversation.Id, 1, channel.Id, NewConversation: false, Standby: false));
        return conversation;
    }

    private async Task<ScheduledAutomation> RowAsync(int conversationId, AutomationKind kind)
    {
        await using var db = Harness.Open();
        return await db.Set<ScheduledAutomation>().SingleAsync(a => a.ConversationId == conversationId && a.Kind == kind);
    }

    private async Task<List<Message>> OutboundAsync(int conversationId)
    {
        await using var db = Harness.Open();
        return await db.Messages.Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Outbound).ToListAsync();
    }

    private async Task CloseAllWeekAsync()
    {
        var draft = BusinessHoursDraft.New(null);
        draft.Days = new string[7];
        Assert.Equal(CommandStatus.Done, (await Harness.Get<BusinessHoursAdmin>().SaveAsync(draft, "test")).Status);
    }

    [Fact]
    public async Task HandleAsync_ClosedTwoMessages_OneAutomatedFreeFormAwayMessage()
    {
        await CloseAllWeekAsync();
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await CustomerWritesAsync(channel);
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await CustomerWritesAsync(channel, conversation);

        var away = Assert.Single(await OutboundAsync(conversation.Id));
        Assert.Equal(MessageAuthor.Automation, away.Author);
        Assert.Equal(ReplyType.FreeForm, away.ReplyType);
        Assert.StartsWith("Hi Kim Lee,", away.Text);
    }

    [Fact]
    public async Task HandleAsync_NoBusinessHoursSet_NoAwayMessage()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await CustomerWritesAsync(channel);

        Assert.Empty(await OutboundAsync(conversation.Id));
    }

    [Fact]
    public async Task CustomerWritesAgain_ReminderMovesToTheNewWindow()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await CustomerWritesAsync(channel);
        var firstDue = Harness.Time.UtcNow.AddHours(23);
        Harness.Time.Advance(TimeSpan.FromHours(3));
        await CustomerWritesAsync(channel, conversation);

        var due = Harness.Time.UtcNow.AddHours(23);
        Assert.Equal(due, (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).DueAt);

        // A wake-up at the first window's time (armed before the move) finds nothing due.
        Harness.Time.Advance(TimeSpan.FromHours(20));
        Assert.Equal(0, await Harness.Get<AutomationRunner>().RunDueAsync(firstDue));
        Assert.Equal(AutomationState.Scheduled, (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).State);
    }

    [Fact]
    public async Task ScheduleAsync_DueBeyondTheHorizon_ArmsNothingUntilTheArmingRunBringsItNear()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await CustomerWritesAsync(channel);
        var due = (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).DueAt;
        Assert.Empty(timer.Armed);

        // Three minutes before: beyond the default two-minute horizon, still nothing.
        Harness.Time.Advance(due - Harness.Time.UtcNow - TimeSpan.FromMinutes(3));
        await Scheduler.ArmNearAsync();
        Assert.Empty(timer.Armed);

        Harness.Time.Advance(TimeSpan.FromMinutes(1.5));
        await Scheduler.ArmNearAsync();
        Assert.Equal([AutomationScheduler.RoundUpToSecond(due)], timer.Armed);
    }

    [Fact]
    public async Task ScheduleAsync_DueInThePast_ArmsTheCurrentSecond()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        Harness.Time.Advance(TimeSpan.FromMilliseconds(300));

        // Its own second's wake-up may have run already: it wakes with the current second instead.
        await Scheduler.ScheduleAsync(conversation.Id, AutomationKind.WindowReminder, Harness.Time.UtcNow.AddSeconds(-5));

        Assert.Equal([AutomationScheduler.RoundUpToSecond(Harness.Time.UtcNow)], timer.Armed);
    }

    [Fact]
    public async Task RunDueAsync_ManyDueInOneSecond_OneWakeUpRunsThemAll()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var second = Harness.Time.UtcNow.AddSeconds(31);
        var conversations = new List<Conversation>();
        for (var i = 0; i < 5; i++)
        {
            conversations.Add(await Harness.AddConversationAsync(channel, TimeSpan.Zero));
        }

        await Scheduler.ApplyAsync([.. conversations.Select((c, i) => AutomationChange.Schedule(c.Id, AutomationKind.WindowReminder, second.AddMilliseconds(-150 * (i + 1))))]);
        Assert.Equal([second], timer.Armed);

        Harness.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(5, await Harness.Get<AutomationRunner>().RunDueAsync(second));
        Assert.Equal(0, await Harness.Get<AutomationRunner>().RunDueAsync(second));
        foreach (var conversation in conversations)
        {
            Assert.NotEqual(AutomationState.Scheduled, (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).State);
        }
    }

    [Fact]
    public async Task HandleAsync_AgentReplies_BothRemindersCancelled()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await CustomerWritesAsync(channel);
        await Harness.Get<ConversationCommands>().QueueReplyAsync(conversation.Id, new ReplyRequest("On it!"), SenderKind.Human, agentId: null);

        Assert.Equal(AutomationState.Cancelled, (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).State);
        Assert.Equal(AutomationState.Cancelled, (await RowAsync(conversation.Id, AutomationKind.HumanAgentReminder)).State);
        Assert.Empty(timer.Armed);
    }

    [Fact]
    public async Task RunAsync_FiredTwice_RemindsOnce()
    {
        var reminders = new List<WindowClosingSoon>();
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await CustomerWritesAsync(channel);
        Harness.Time.Advance(TimeSpan.FromHours(23));
        var due = (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).DueAt;

        var first = await Harness.Get<AutomationRunner>().RunAsync(AutomationKind.WindowReminder, conversation.Id, due);
        var second = await Harness.Get<AutomationRunner>().RunAsync(AutomationKind.WindowReminder, conversation.Id, due);

        Assert.Equal(AutomationState.Done, first?.State);
        Assert.Null(second);
        Assert.Equal(AutomationState.Done, (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).State);
    }

    [Fact]
    public async Task RunAsync_Woken800MillisecondsEarly_RearmsForItsDueTimeAndRemindsThen()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await CustomerWritesAsync(channel);
        var due = (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).DueAt;
        var second = AutomationScheduler.RoundUpToSecond(due);
        var job = new AutomationJob(Harness.Get<AutomationRunner>());
        var dueSeconds = new DateTimeOffset(second, TimeSpan.Zero).ToUnixTimeSeconds();

        Harness.Time.Advance(second - Harness.Time.UtcNow - TimeSpan.FromMilliseconds(800));
        Assert.Equal(0, await job.RunAsync(dueSeconds, CancellationToken.None));

        Assert.Equal(AutomationState.Scheduled, (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).State);
        Assert.Equal([second], timer.Armed);

        Harness.Time.Advance(TimeSpan.FromMilliseconds(800));
        Assert.Equal(1, await job.RunAsync(dueSeconds, CancellationToken.None));

        var row = await RowAsync(conversation.Id, AutomationKind.WindowReminder);
        Assert.Equal(AutomationState.Done, row.State);
        Assert.Equal(second, row.LastRunAt);
    }

    [Fact]
    public async Task RunAsync_StaleTriggerAfterReschedule_DoesNothing()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await CustomerWritesAsync(channel);
        var firstDue = (await RowAsync(conversation.Id, AutomationKind.WindowReminder)).DueAt;
        Harness.Time.Advance(TimeSpan.FromHours(5));
        await CustomerWritesAsync(channel, conversation);

        Assert.Null(await Harness.Get<AutomationRunner>().RunAsync(AutomationKind.WindowReminder, conversation.Id, firstDue));
    }

    /// <summary>A conversation whose customer last wrote <paramref name="lastInboundAgo"/> ago, resolved, and the survey fired after its delay.</summary>
    private async Task<(Conversation Conversation, AutomationOutcome? Outcome)> ResolvedAndSurveyedAsync(ChannelKind kind, TimeSpan lastInboundAgo)
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(kind), lastInboundAgo);
        await Harness.Get<ConversationCommands>().SetStatusAsync(conversation.Id, ConversationStatus.Resolved, "Ana");
        Harness.Time.Advance(new AutomationOptions().CsatDelay);
        return (conversation, await Harness.Get<AutomationRunner>().RunAsync(AutomationKind.CsatSurvey, conversation.Id, Harness.Time.UtcNow));
    }

    [Fact]
    public async Task AskAsync_MessengerResolvedAfterTheWindow_SkippedAndLoggedWhy()
    {
        var (conversation, outcome) = await ResolvedAndSurveyedAsync(ChannelKind.Messenger, TimeSpan.FromDays(2));

        Assert.Equal(AutomationState.Skipped, outcome?.State);
        Assert.Empty(await OutboundAsync(conversation.Id));
        await using var db = Harness.Open();
        Assert.Contains(await db.Activities.Where(a => a.ConversationId == conversation.Id).Select(a => a.Detail).ToListAsync(), d => d.StartsWith("CSAT survey not sent"));
    }

    [Fact]
    public async Task AskAsync_InsideTheWindow_AsksOnceAsAutomation()
    {
        var (conversation, _) = await ResolvedAndSurveyedAsync(ChannelKind.WhatsApp, TimeSpan.FromHours(1));

        var question = Assert.Single(await OutboundAsync(conversation.Id));
        Assert.Equal(MessageAuthor.Automation, question.Author);
    }

    [Fact]
    public async Task FollowStatusAsync_ReopenedBeforeTheSurvey_Cancelled()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));
        var commands = Harness.Get<ConversationCommands>();
        await commands.SetStatusAsync(conversation.Id, ConversationStatus.Resolved, "Ana");
        await commands.SetStatusAsync(conversation.Id, ConversationStatus.Open, "Ana");

        Assert.Equal(AutomationState.Cancelled, (await RowAsync(conversation.Id, AutomationKind.CsatSurvey)).State);

        // Its wake-up stays armed and, at the survey's time, finds nothing to run.
        Harness.Time.Advance(new AutomationOptions().CsatDelay);
        Assert.Equal(0, await Harness.Get<AutomationRunner>().RunDueAsync(Harness.Time.UtcNow));
    }

    [Fact]
    public async Task SendAsync_PendingWithFollowUpOn_QuestionSentBeforeTheWindowCloses()
    {
        await Harness.Get<BusinessHoursAdmin>().SaveSettingsAsync(new AutomationSettings { PendingFollowUpEnabled = true, PendingFollowUpText = "Could you send your order number?" }, "test");
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));
        await Harness.Get<ConversationCommands>().SetStatusAsync(conversation.Id, ConversationStatus.Pending, "Ana");
        var row = await RowAsync(conversation.Id, AutomationKind.PendingFollowUp);
        Assert.Equal(Harness.Time.UtcNow.AddHours(21), row.DueAt);

        Harness.Time.Advance(TimeSpan.FromHours(21));
        await Harness.Get<AutomationRunner>().RunAsync(AutomationKind.PendingFollowUp, conversation.Id, row.DueAt);

        Assert.Equal("Could you send your order number?", Assert.Single(await OutboundAsync(conversation.Id)).Text);
    }

    [Fact]
    public async Task ListAsync_OneWaitingOneCancelled_WaitingFirstWithTheContact()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await CustomerWritesAsync(channel);
        await Scheduler.CancelAsync(conversation.Id, AutomationKind.WindowReminder, "Cancelled by test.");

        var rows = await Harness.Get<AutomationJobs>().ListAsync();

        Assert.Equal([AutomationKind.HumanAgentReminder, AutomationKind.WindowReminder], rows.Select(r => r.Kind));
        Assert.All(rows, r => Assert.Equal("Kim Lee", r.ContactName));
        Assert.Equal("Cancelled by test.", rows[1].Outcome);
    }

    [Fact]
    public async Task RunNowAsync_WaitingReminder_RunsAndItsDueTimeFindsNothing()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await CustomerWritesAsync(channel);
        var row = await RowAsync(conversation.Id, AutomationKind.WindowReminder);

        var outcome = await Harness.Get<AutomationJobs>().RunNowAsync(row.Id);

        Assert.Equal(AutomationState.Done, outcome?.State);
        Harness.Time.Advance(TimeSpan.FromHours(23));
        Assert.Null(await Harness.Get<AutomationRunner>().RunAsync(AutomationKind.WindowReminder, conversation.Id, row.DueAt));
    }
}
