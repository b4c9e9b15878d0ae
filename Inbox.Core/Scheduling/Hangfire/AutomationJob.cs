using Hangfire;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// The one Hangfire job for automations: thin. Its arguments name the automation and the due time it was set for; it
/// hands the firing to <see cref="AutomationRunner"/>, which claims the automation, re-arms it when woken early, and
/// re-checks the facts before anything is sent.
/// </summary>
public sealed class AutomationJob(AutomationRunner runner)
{
    /// <summary>
    /// Runs the automation due at <paramref name="dueUnixMilliseconds"/> (milliseconds: Hangfire's own schedule keeps
    /// whole seconds). A failure before the claim (the database busy) is retried by Hangfire; after the claim the runner
    /// records failures and retries itself, so Hangfire's retries never repeat an effect.
    /// </summary>
    [JobDisplayName("{0} for conversation {1}")]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(AutomationKind kind, int conversationId, long dueUnixMilliseconds, CancellationToken cancellationToken) =>
        runner.RunAsync(kind, conversationId, DateTimeOffset.FromUnixTimeMilliseconds(dueUnixMilliseconds).UtcDateTime, cancellationToken);
}
