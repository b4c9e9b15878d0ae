using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Quartz tuning (<c>Inbox:Scheduler</c>). Quartz's defaults (30 s idle wait, 60 s misfire threshold, one trigger
/// per acquisition) tolerate a minute of lateness; these defaults were measured to fire within about a second (README).
/// </summary>
public sealed class SchedulerOptions
{
    public const string Section = "Inbox:Scheduler";

    /// <summary>How long the scheduler thread sleeps when nothing is due (Quartz: at least 1 s). Jobs scheduled in-process wake it at once.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A trigger later than this counts as misfired and fires at once (never skipped). Small, so a restart catches up immediately.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Triggers taken per acquisition: a burst of due automations costs one lock round trip, not one each.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Triggers due this soon after the first in a batch are taken with it (they may fire that much early).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.Zero;

    /// <summary>Jobs run at once.</summary>
    [Range(1, 100)]
    public int Threads { get; set; } = 8;
}
