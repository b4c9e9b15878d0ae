using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Scheduling;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Scheduling;

/// <summary>A webhook batch's changes to the automations, applied together: rows that exist move, first ones are added, cancels spare a running firing.</summary>
public class AutomationSchedulerTests : CoreTestBase
{
    private readonly RecordingTimer timer = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<IAutomationTimer>(timer);
        services.AddScheduling();
    }

    private AutomationScheduler Scheduler => Harness.Get<AutomationScheduler>();

    private async Task<List<Conversation>> ConversationsAsync(int count)
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversations = new List<Conversation>();
        for (var i = 0; i < count; i++)
        {
            conversations.Add(await Harness.AddConversationAsync(channel, TimeSpan.Zero));
        }

        return conversations;
    }

    private async Task<ScheduledAutomation> RowAsync(int conversationId, AutomationKind kind)
    {
        await using var db = Harness.Open();
        return await db.Set<ScheduledAutomation>().AsNoTracking().SingleAsync(a => a.ConversationId == conversationId && a.Kind == kind);
    }

    [Fact]
    public async Task ApplyAsync_BatchMovesSomeAndCreatesOthers_EveryReminderWaitsAtItsNewTime()
    {
        var (a, b, c, untouched) = await ConversationsAsync(4) switch { var x => (x[0], x[1], x[2], x[3]) };
        var start = Harness.Time.UtcNow;
        await Scheduler.ApplyAsync(
        [
            AutomationChange.Schedule(a.Id, AutomationKind.WindowReminder, start.AddHours(23)),
            AutomationChange.Schedule(b.Id, AutomationKind.WindowReminder, start.AddHours(23)),
            AutomationChange.Schedule(untouched.Id, AutomationKind.WindowReminder, start.AddHours(20)),
        ]);

        // B's reminder had fired and failed once: moving it starts afresh.
        await using (var db = Harness.Open())
        {
            await db.Set<ScheduledAutomation>().Where(r => r.ConversationId == b.Id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, AutomationState.Failed).SetProperty(r => r.Failures, 2).SetProperty(r => r.Outcome, "Boom"));
        }

        Harness.Time.Advance(TimeSpan.FromHours(3));
        var now = Harness.Time.UtcNow;
        await Scheduler.ApplyAsync(
        [
            AutomationChange.Schedule(a.Id, AutomationKind.WindowReminder, now.AddSeconds(90.5)),
            AutomationChange.Schedule(a.Id, AutomationKind.HumanAgentReminder, now.AddDays(6)),
            AutomationChange.Schedule(b.Id, AutomationKind.WindowReminder, now.AddHours(23)),
            AutomationChange.Schedule(c.Id, AutomationKind.WindowReminder, now.AddHours(22)),
        ]);

        foreach (var (conversation, kind, due) in new[]
        {
            (a, AutomationKind.WindowReminder, now.AddSeconds(90.5)), (a, AutomationKind.HumanAgentReminder, now.AddDays(6)),
            (b, AutomationKind.WindowReminder, now.AddHours(23)), (c, AutomationKind.WindowReminder, now.AddHours(22)),
        })
        {
            var row = await RowAsync(conversation.Id, kind);
            Assert.Equal((AutomationState.Scheduled, due, 0, null, now), (row.State, row.DueAt, row.Failures, row.Outcome, row.UpdatedAt));
        }

        var other = await RowAsync(untouched.Id, AutomationKind.WindowReminder);
        Assert.Equal((start.AddHours(20), start), (other.DueAt, other.UpdatedAt));

        // Only the move that came within the two-minute horizon is armed, at its second rounded up.
        Assert.Equal([AutomationScheduler.RoundUpToSecond(now.AddSeconds(90.5))], timer.Armed);

        // The moved reminder is found due by its new time, and by nothing earlier.
        Harness.Time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(0, await Harness.Get<AutomationRunner>().RunDueAsync(AutomationScheduler.RoundUpToSecond(Harness.Time.UtcNow)));
        Harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Harness.Get<AutomationRunner>().RunDueAsync(AutomationScheduler.RoundUpToSecond(now.AddSeconds(90.5))));
    }

    [Fact]
    public async Task ApplyAsync_CancelRacingARunningFiring_RunningRowLeftAloneAndTheRestApplied()
    {
        var (running, waiting) = await ConversationsAsync(2) switch { var x => (x[0], x[1]) };
        var start = Harness.Time.UtcNow;
        await Scheduler.ApplyAsync(
        [
            AutomationChange.Schedule(running.Id, AutomationKind.PendingFollowUp, start.AddHours(1)),
            AutomationChange.Schedule(waiting.Id, AutomationKind.PendingFollowUp, start.AddHours(1)),
            AutomationChange.Schedule(waiting.Id, AutomationKind.WindowReminder, start.AddHours(23)),
        ]);

        // A firing claimed the first follow-up (Scheduled → Running) just before the batch.
        await using (var db = Harness.Open())
        {
            await db.Set<ScheduledAutomation>().Where(r => r.ConversationId == running.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, AutomationState.Running));
        }

        Harness.Time.Advance(TimeSpan.FromMinutes(10));
        var cancelled = await Scheduler.ApplyAsync(
        [
            AutomationChange.Cancel(running.Id, AutomationKind.PendingFollowUp, "The conversation is no longer pending."),
            AutomationChange.Cancel(waiting.Id, AutomationKind.PendingFollowUp, "The conversation is no longer pending."),
            AutomationChange.Schedule(waiting.Id, AutomationKind.WindowReminder, Harness.Time.UtcNow.AddHours(23)),
        ]);

        Assert.Equal(1, cancelled);
        Assert.Equal(AutomationState.Running, (await RowAsync(running.Id, AutomationKind.PendingFollowUp)).State);
        var stoodDown = await RowAsync(waiting.Id, AutomationKind.PendingFollowUp);
        Assert.Equal((AutomationState.Cancelled, "The conversation is no longer pending."), (stoodDown.State, stoodDown.Outcome));
        Assert.Equal(Harness.Time.UtcNow.AddHours(23), (await RowAsync(waiting.Id, AutomationKind.WindowReminder)).DueAt);
    }
}
