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
/// The seconds armed by this process are remembered in memory, so two automations due in the same second do not
/// store two jobs. After a restart the set is empty and start-up arms the near seconds again; a job left from before
/// then runs beside the new one and finds nothing to claim. Entries are forgotten a minute after their second, so an
/// automation whose job was lost (failed, deleted by hand) is armed again by the next arming run. Past seconds not
/// remembered (overdue at start-up, or lost) all share one job for the current second.
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
        foreach (var second in seconds.Where(s => !armed.ContainsKey(s)).Select(s => s < current ? current : s).Distinct())
        {
            // Reserved before the job is stored, so a concurrent caller arming the same second skips it.
            if (armed.TryAdd(second, ""))
            {
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
