using Hangfire;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// The Hangfire job of one due second: thin. It hands the second to <see cref="AutomationRunner.RunDueAsync"/>, which
/// claims and runs every automation due by then, and arms the second again when the job woke before it.
/// </summary>
public sealed class AutomationJob(AutomationRunner runner)
{
    /// <summary>
    /// Runs the automations due by <paramref name="dueUnixSeconds"/>. A failure before a claim (the database busy) is
    /// retried by Hangfire, soon (1, 5, then 15 s: Hangfire's own delays start at half a minute, late for a reminder
    /// due to the second); after a claim the runner records failures and retries itself, so Hangfire's retries never
    /// repeat an effect.
    /// </summary>
    [JobDisplayName("Automations due by {0}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [1, 5, 15])]
    public Task<int> RunAsync(long dueUnixSeconds, CancellationToken cancellationToken) =>
        runner.RunDueAsync(DateTimeOffset.FromUnixTimeSeconds(dueUnixSeconds).UtcDateTime, cancellationToken);
}
