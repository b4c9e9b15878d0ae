using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Runs a due automation once. The firing first claims its row (Scheduled → Running, only if it is due by the time
/// it was fired for), so a duplicate, stale or late second firing finds nothing to claim: an automation never acts
/// twice. The rule then re-checks the facts (answered? reopened? window still open?) before acting.
/// </summary>
public sealed class AutomationRunner(
    IDbContextFactory<InboxDbContext> contexts,
    AutomationScheduler scheduler,
    WindowReminders reminders,
    CsatSurveys surveys,
    PendingFollowUps followUps,
    IOptions<AutomationOptions> options,
    TimeProvider time,
    ILogger<AutomationRunner> logger)
{
    private readonly Lock gate = new();
    private int inFlight;
    private TaskCompletionSource idle = Completed();

    /// <summary>Completes when no claimed firing is still running; the scheduler's host waits for it when stopping.</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            return idle.Task;
        }
    }

    /// <summary>
    /// The wake-up of <paramref name="second"/>: claims and runs, in due order, every waiting automation due by then
    /// and by now; returns how many it ran. A wake-up before its second (another server's clock, a hand-enqueued job)
    /// runs what is already due and arms the second again, so nothing acts early. A duplicate wake-up finds the rows
    /// claimed and does nothing.
    /// </summary>
    public async Task<int> RunDueAsync(DateTime second, CancellationToken cancellationToken = default)
    {
        scheduler.Waking(second);
        var now = time.GetUtcNow().UtcDateTime;
        var dueBy = second < now ? second : now;
        var ran = 0;
        while (await ClaimAsync(a => a.DueAt <= dueBy, cancellationToken) is { } row)
        {
            await TrackedAsync(row);
            ran++;
        }

        if (now < second)
        {
            await scheduler.RearmAsync(second, cancellationToken);
        }

        return ran;
    }

    /// <summary>
    /// Runs one automation if it is due by <paramref name="scheduledFor"/> and by now; returns the outcome, or null when
    /// there was nothing to claim (not due yet, already run, cancelled, or moved later).
    /// </summary>
    public async Task<AutomationOutcome?> RunAsync(AutomationKind kind, int conversationId, DateTime scheduledFor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dueBy = scheduledFor < now ? scheduledFor : now;
        var row = await ClaimAsync(a => a.ConversationId == conversationId && a.Kind == kind && a.DueAt <= dueBy, cancellationToken);

        // Once claimed, the firing runs to its end even while the scheduler shuts down: stopping half-way would leave
        // the automation "Running", reported as interrupted after the next start although its work was done.
        return row is null ? null : await TrackedAsync(row);
    }

    /// <summary>An admin's "run now": runs a waiting automation at once, facts re-checked as at its due time.</summary>
    public async Task<AutomationOutcome?> RunNowAsync(long automationId, CancellationToken cancellationToken = default)
    {
        var row = await ClaimAsync(a => a.Id == automationId, cancellationToken);
        return row is null ? null : await ExecuteAsync(row, cancellationToken);
    }

    private async Task<ScheduledAutomation?> ClaimAsync(System.Linq.Expressions.Expression<Func<ScheduledAutomation, bool>> which, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidates = db.Set<ScheduledAutomation>().Where(which).Where(a => a.State == AutomationState.Scheduled).OrderBy(a => a.DueAt);
        while (await candidates.Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken) is { } id)
        {
            var claimed = await db.Set<ScheduledAutomation>()
                .Where(a => a.Id == id && a.State == AutomationState.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AutomationState.Running).SetProperty(a => a.LastRunAt, now).SetProperty(a => a.UpdatedAt, now), cancellationToken);
            if (claimed > 0)
            {
                return await db.Set<ScheduledAutomation>().AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
            }

            // Another firing claimed this one first (a duplicate wake-up): look for the next.
        }

        return null;
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private async Task<AutomationOutcome> TrackedAsync(ScheduledAutomation row)
    {
        lock (gate)
        {
            if (inFlight++ == 0)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        try
        {
            return await ExecuteAsync(row, CancellationToken.None);
        }
        finally
        {
            lock (gate)
            {
                if (--inFlight == 0)
                {
                    idle.SetResult();
                }
            }
        }
    }

    private async Task<AutomationOutcome> ExecuteAsync(ScheduledAutomation row, CancellationToken cancellationToken)
    {
        AutomationOutcome outcome;
        try
        {
            outcome = row.Kind switch
            {
                AutomationKind.WindowReminder or AutomationKind.HumanAgentReminder => await reminders.RemindAsync(row.ConversationId, row.Kind, cancellationToken),
                AutomationKind.CsatSurvey => await surveys.AskAsync(row.ConversationId, cancellationToken),
                _ => await followUps.SendAsync(row.ConversationId, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Kind} for conversation {ConversationId} failed", row.Kind, row.ConversationId);
            return await FailedAsync(row, ex.Message, cancellationToken);
        }

        await RecordAsync(row.Id, outcome.State, outcome.Detail, row.Failures, cancellationToken);
        logger.LogInformation("{Kind} for conversation {ConversationId}: {State}, {Detail}", row.Kind, row.ConversationId, outcome.State, outcome.Detail);
        return outcome;
    }

    private async Task<AutomationOutcome> FailedAsync(ScheduledAutomation row, string error, CancellationToken cancellationToken)
    {
        var failures = row.Failures + 1;
        var settings = options.Value;
        if (failures < settings.MaxAttempts)
        {
            await RecordAsync(row.Id, AutomationState.Running, $"Attempt {failures} failed: {error}", failures, cancellationToken);
            await scheduler.RetryAsync(row, time.GetUtcNow().UtcDateTime + settings.RetryDelay, cancellationToken);
            return new AutomationOutcome(AutomationState.Scheduled, $"Attempt {failures} failed; trying again.");
        }

        await RecordAsync(row.Id, AutomationState.Failed, $"Failed {failures} times: {error}", failures, cancellationToken);
        return new AutomationOutcome(AutomationState.Failed, error);
    }

    private async Task RecordAsync(long id, AutomationState state, string detail, int failures, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var outcome = detail.Length > 500 ? detail[..500] : detail;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<ScheduledAutomation>().Where(a => a.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.State, state).SetProperty(a => a.Outcome, outcome).SetProperty(a => a.Failures, failures).SetProperty(a => a.UpdatedAt, now),
            cancellationToken);
    }
}
