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
/// The seconds armed by this process are remembered in memory, so two automations due in the same second to come do
/// not store two jobs. After a restart the set is empty and start-up arms the near seconds again; a job left from before
/// then runs beside the new one and finds nothing to claim. Past seconds (overdue at start-up, a row committed just
/// after its second's job looked, a job lost) all share one new job for the current second: the arming run, every
/// minute, so arms any automation still waiting past its due time.
/// </remarks>
public sealed class HangfireAutomationTimer(IBackgroundJobClient jobs, TimeProvider time) : IAutomationTimer
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<DateTime, string> armed = new();

    public Task ArmAsync(IReadOnlyCollection<DateTime> seconds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var old in armed.Keys.Where(s => s < now - Remembered))
        {
            armed.TryRemove(old, out _);
        }

        var current = AutomationScheduler.RoundUpToSecond(now);
        // A second already come may have had its job look for due rows before the caller's were committed, so it is
        // never taken as armed: it becomes the current second. A second not yet come is armed once: its job looks after
        // it, so it sees the caller's rows, committed before this call.
        foreach (var second in seconds.Select(s => s < current ? current : s).Distinct())
        {
            if (second <= now)
            {
                armed[second] = Create(second);
            }
            else if (armed.TryAdd(second, ""))
            {
                // Reserved before the job is stored, so a concurrent caller arming the same second skips it.
                try
                {
                    armed[second] = Create(second);
                }
                catch
                {
                    armed.TryRemove(second, out _);
                    throw;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task RearmAsync(DateTime second, CancellationToken cancellationToken)
    {
        armed[second] = Create(second);
        return Task.CompletedTask;
    }

    /// <summary>The latest Hangfire job this process armed for <paramref name="second"/>, if any (tests use it).</summary>
    public string? JobIdOf(DateTime second) => armed.TryGetValue(second, out var id) && id.Length > 0 ? id : null;

    private string Create(DateTime second)
    {
        var utc = DateTime.SpecifyKind(second, DateTimeKind.Utc);
        var unixSeconds = new DateTimeOffset(utc).ToUnixTimeSeconds();
        var job = Job.FromExpression<AutomationJob>(j => j.RunAsync(unixSeconds, CancellationToken.None));
        return jobs.Create(job, new ScheduledState(utc));
    }
}
