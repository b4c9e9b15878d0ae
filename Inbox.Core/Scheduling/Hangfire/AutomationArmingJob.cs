namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// Recurring: arms the seconds of automations that came within <see cref="SchedulerOptions.ArmAhead"/> since the last
/// run (a 23 h reminder stores no Hangfire job when it is created), and of any overdue one whose job was lost.
/// </summary>
public sealed class AutomationArmingJob(AutomationScheduler scheduler)
{
    public const string Id = "inbox-arm-automations";

    /// <summary>Every minute: Hangfire's finest cron; <see cref="SchedulerOptions.ArmAhead"/> must exceed it.</summary>
    public const string Cron = "* * * * *";

    public Task<int> RunAsync(CancellationToken cancellationToken) => scheduler.ArmNearAsync(cancellationToken);
}
