namespace Inbox.Core.Scheduling;

/// <summary>
/// What wakes the automations at their due second: Hangfire in the app (<see cref="Hangfire.HangfireAutomationTimer"/>),
/// a recording fake in rule tests. A wake-up names a whole second, not an automation: at that second
/// <see cref="AutomationRunner.RunDueAsync"/> claims and runs every automation due by then, so many automations due in
/// the same second share one wake-up. The timer only wakes; the runner decides, against <see cref="ScheduledAutomation"/>, whether to act.
/// </summary>
public interface IAutomationTimer
{
    /// <summary>Arms one wake-up at each of these whole seconds (UTC); a second already armed is not armed twice where avoidable.</summary>
    Task ArmAsync(IReadOnlyCollection<DateTime> seconds, CancellationToken cancellationToken);

    /// <summary>Arms this second again although it was armed before: its wake-up came early.</summary>
    Task RearmAsync(DateTime second, CancellationToken cancellationToken);

    /// <summary>
    /// The wake-up of this second is about to look for due rows: a row committed from now on is not seen by it, so
    /// arming its second again must store a new wake-up rather than count on this one.
    /// </summary>
    void Waking(DateTime second);
}
