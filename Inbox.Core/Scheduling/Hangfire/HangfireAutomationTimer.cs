using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// One scheduled Hangfire job per due second (<see cref="AutomationJob"/>), however many automations fall due in it.
/// Storing a Hangfire job on the SQLite storage costs about 15 ms, so jobs are few: 10,000 reminders due over a minute
/// need about 60, and only seconds within <see cref="SchedulerOptions.ArmAhead"/> are armed at all.
/// </summary>
/// <remarks>
/// The seconds armed by this process are remembered in memory, so two automations due in the same second do not store
/// two jobs. A second counts as armed until its job wakes (<see cref="Waking"/>, called before the job looks for due
/// rows): a row committed before that is seen by the job; a row committed after, whatever its due time, gets a job of
/// its own at the current second. After a restart the set is empty and start-up arms the near seconds again; a job left
/// from before then runs beside the new one and finds nothing to claim. Entries are forgotten a minute after their
/// second, so an automation whose job was lost (failed, deleted by hand, or run by another instance, which does not
/// tell this one) is armed again by the next arming run. Past seconds not armed (overdue at start-up, or lost) all
/// share one job for the current second.
/// </remarks>
public sealed class HangfireAutomationTimer(IBackgroundJobClient jobs, TimeProvider time) : IAutomationTimer
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<DateTime, Arming> armed = new();

    public Task ArmAsync(IReadOnlyCollection<DateTime> seconds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var old in armed.Keys.Where(s => s < now - Remembered))
        {
            armed.TryRemove(old, out _);
        }

        var current = AutomationScheduler.RoundUpToSecond(now);
        foreach (var due in seconds.Distinct())
        {
            if (armed.TryGetValue(due, out var arming) && !arming.Woken)
            {
                continue;
            }

            // Reserved before the job is stored, so a concurrent caller arming the same second skips it.
            var second = due < current ? current : due;
            if (!Reserve(second))
            {
                continue;
            }

            try
            {
                armed[second] = new Arming(Create(second), Woken: false);
            }
            catch
            {
                armed.TryRemove(second, out _);
                throw;
            }
        }

        return Task.CompletedTask;
    }

    public Task RearmAsync(DateTime second, CancellationToken cancellationToken)
    {
        armed[second] = new Arming(Create(second), Woken: false);
        return Task.CompletedTask;
    }

    public void Waking(DateTime second)
    {
        armed.AddOrUpdate(second, _ => new Arming("", Woken: true), (_, arming) => arming with { Woken = true });
    }

    /// <summary>The latest Hangfire job this process armed for <paramref name="second"/>, if any (tests use it).</summary>
    public string? JobIdOf(DateTime second) => armed.TryGetValue(second, out var arming) && arming.JobId.Length > 0 ? arming.JobId : null;

    /// <summary>Claims the second for this caller: true when it was free or its job has already woken.</summary>
    private bool Reserve(DateTime second)
    {
        while (true)
        {
            if (armed.TryAdd(second, new Arming("", Woken: false)))
            {
                return true;
            }

            if (!armed.TryGetValue(second, out var arming))
            {
                continue;
            }

            if (!arming.Woken)
            {
                return false;
            }

            if (armed.TryUpdate(second, new Arming("", Woken: false), arming))
            {
                return true;
            }
        }
    }

    private string Create(DateTime second)
    {
        var utc = DateTime.SpecifyKind(second, DateTimeKind.Utc);
        var unixSeconds = new DateTimeOffset(utc).ToUnixTimeSeconds();
        var job = Job.FromExpression<AutomationJob>(j => j.RunAsync(unixSeconds, CancellationToken.None));
        return jobs.Create(job, new ScheduledState(utc));
    }

    /// <summary>The job stored for a second, and whether it has woken (looked for due rows) yet.</summary>
    private readonly record struct Arming(string JobId, bool Woken);
}
