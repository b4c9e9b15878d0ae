using Quartz;

namespace Inbox.Core.Scheduling.Quartz;

/// <summary>One durable Quartz job and one-shot trigger per (kind, conversation); a new due time replaces the old trigger.</summary>
public sealed class QuartzAutomationTimer(QuartzHost host) : IAutomationTimer
{
    public Task SetAsync(AutomationKind kind, int conversationId, DateTime dueUtc, CancellationToken cancellationToken) =>
        SetManyAsync([(kind, conversationId, dueUtc)], cancellationToken);

    /// <summary>All in one job-store transaction: moving a hundred reminders costs one commit, not a hundred.</summary>
    public async Task SetManyAsync(IReadOnlyList<(AutomationKind Kind, int ConversationId, DateTime DueUtc)> wakeUps, CancellationToken cancellationToken)
    {
        if (wakeUps.Count == 0)
        {
            return;
        }

        var scheduler = await host.SchedulerAsync(cancellationToken);
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        foreach (var (kind, conversationId, dueUtc) in wakeUps.DistinctBy(w => (w.Kind, w.ConversationId)))
        {
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
            jobs[job] = [trigger];
        }

        await scheduler.ScheduleJobs(jobs, replace: true, cancellationToken);
    }

    public Task ClearAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken) =>
        ClearManyAsync([(kind, conversationId)], cancellationToken);

    public async Task ClearManyAsync(IReadOnlyList<(AutomationKind Kind, int ConversationId)> wakeUps, CancellationToken cancellationToken)
    {
        if (wakeUps.Count == 0)
        {
            return;
        }

        var scheduler = await host.SchedulerAsync(cancellationToken);
        await scheduler.DeleteJobs([.. wakeUps.Select(w => AutomationJob.KeyFor(w.Kind, w.ConversationId)).Distinct()], cancellationToken);
    }

    public async Task<bool> IsSetAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken)
    {
        var scheduler = await host.SchedulerAsync(cancellationToken);
        var key = AutomationJob.KeyFor(kind, conversationId);
        return await scheduler.CheckExists(new TriggerKey(key.Name, key.Group), cancellationToken);
    }
}
