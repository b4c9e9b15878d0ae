using Quartz;

namespace Inbox.Core.Scheduling.Quartz;

/// <summary>One durable Quartz job and one-shot trigger per (kind, conversation); a new due time replaces the old trigger.</summary>
public sealed class QuartzAutomationTimer(QuartzHost host) : IAutomationTimer
{
    public async Task SetAsync(AutomationKind kind, int conversationId, DateTime dueUtc, CancellationToken cancellationToken)
    {
        var scheduler = await host.SchedulerAsync(cancellationToken);
        var key = AutomationJob.KeyFor(kind, conversationId);
        var job = JobBuilder.Create<AutomationJob>()
            .WithIdentity(key)
            .WithDescription($"{kind} for conversation {conversationId}")
            .RequestRecovery()
            .Build();

        // A one-shot trigger that misfired (the app was down at its time) fires once, at once, on the next start.
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            .StartAt(new DateTimeOffset(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc)))
            .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], replace: true, cancellationToken);
    }

    public async Task ClearAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken)
    {
        var scheduler = await host.SchedulerAsync(cancellationToken);
        await scheduler.DeleteJob(AutomationJob.KeyFor(kind, conversationId), cancellationToken);
    }

    public async Task<bool> IsSetAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken)
    {
        var scheduler = await host.SchedulerAsync(cancellationToken);
        var key = AutomationJob.KeyFor(kind, conversationId);
        return await scheduler.CheckExists(new TriggerKey(key.Name, key.Group), cancellationToken);
    }
}
