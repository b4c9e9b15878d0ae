using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Scheduling;

/// <summary>The admin's Jobs page: what is scheduled and what recently ran, with cancel and run-now.</summary>
public sealed class AutomationJobs(IDbContextFactory<InboxDbContext> contexts, AutomationScheduler scheduler, AutomationRunner runner)
{
    /// <summary>Waiting and running automations by due time, then the latest finished ones (at most <paramref name="finished"/>).</summary>
    public async Task<IReadOnlyList<AutomationJobRow>> ListAsync(int finished = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = db.Set<ScheduledAutomation>().AsNoTracking();
        var active = await Rows(all.Where(a => a.State == AutomationState.Scheduled || a.State == AutomationState.Running).OrderBy(a => a.DueAt).Take(500))
            .ToListAsync(cancellationToken);
        var done = await Rows(all.Where(a => a.State != AutomationState.Scheduled && a.State != AutomationState.Running).OrderByDescending(a => a.UpdatedAt).Take(finished))
            .ToListAsync(cancellationToken);
        return [.. active, .. done];
    }

    private static IQueryable<AutomationJobRow> Rows(IQueryable<ScheduledAutomation> query) => query.Select(a => new AutomationJobRow(
        a.Id, a.Kind, a.ConversationId, a.Conversation!.Contact!.Name, a.State, a.DueAt, a.Outcome, a.Failures, a.LastRunAt));

    /// <summary>Cancels a waiting automation by hand.</summary>
    public async Task<bool> CancelAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<ScheduledAutomation>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is not null && await scheduler.CancelAsync(row.ConversationId, row.Kind, $"Cancelled by {actor}.", cancellationToken);
    }

    /// <summary>Runs a waiting automation now (its rule still re-checks the facts); returns what it did, or null when it was not waiting.</summary>
    /// <remarks>Its second's wake-up, if armed, stays: it finds the row no longer waiting and claims nothing.</remarks>
    public Task<AutomationOutcome?> RunNowAsync(long id, CancellationToken cancellationToken = default) => runner.RunNowAsync(id, cancellationToken);
}
