using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Schedules and cancels automations: our <see cref="ScheduledAutomation"/> row first (the truth a firing is checked
/// against), then the timer. A lost trigger is re-armed at start-up (<see cref="RecoverAsync"/>); a stale one finds no row to claim.
/// </summary>
public sealed class AutomationScheduler(
    IDbContextFactory<InboxDbContext> contexts, IAutomationTimer timer, TimeProvider time, ILogger<AutomationScheduler> logger)
{
    /// <summary>Schedules (or moves) the automation of this kind for the conversation to <paramref name="dueUtc"/>.</summary>
    public async Task ScheduleAsync(int conversationId, AutomationKind kind, DateTime dueUtc, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Set<ScheduledAutomation>().SingleOrDefaultAsync(a => a.ConversationId == conversationId && a.Kind == kind, cancellationToken);
            if (row is null)
            {
                row = new ScheduledAutomation { ConversationId = conversationId, Kind = kind };
                db.Add(row);
            }

            (row.State, row.DueAt, row.Failures, row.Outcome, row.UpdatedAt) = (AutomationState.Scheduled, dueUtc, 0, null, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await timer.SetAsync(kind, conversationId, dueUtc, cancellationToken);
        logger.LogInformation("{Kind} for conversation {ConversationId} scheduled at {Due:O}", kind, conversationId, dueUtc);
    }

    /// <summary>Cancels the automation if it is still waiting; returns whether one was.</summary>
    public async Task<bool> CancelAsync(int conversationId, AutomationKind kind, string reason, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int cancelled;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            cancelled = await db.Set<ScheduledAutomation>()
                .Where(a => a.ConversationId == conversationId && a.Kind == kind && a.State == AutomationState.Scheduled)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.State, AutomationState.Cancelled).SetProperty(a => a.Outcome, reason).SetProperty(a => a.UpdatedAt, now),
                    cancellationToken);
        }

        if (cancelled > 0)
        {
            await timer.ClearAsync(kind, conversationId, cancellationToken);
            logger.LogInformation("{Kind} for conversation {ConversationId} cancelled: {Reason}", kind, conversationId, reason);
        }

        return cancelled > 0;
    }

    /// <summary>Sets the due time again after a failed attempt, keeping the failure count.</summary>
    internal async Task RetryAsync(ScheduledAutomation row, DateTime dueUtc, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Set<ScheduledAutomation>().Where(a => a.Id == row.Id).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.State, AutomationState.Scheduled).SetProperty(a => a.DueAt, dueUtc), cancellationToken);
        }

        await timer.SetAsync(row.Kind, row.ConversationId, dueUtc, cancellationToken);
    }

    /// <summary>Removes the timer of an automation that already ran (by hand), so its trigger does not linger.</summary>
    internal Task ClearTimerAsync(ScheduledAutomation row, CancellationToken cancellationToken) => timer.ClearAsync(row.Kind, row.ConversationId, cancellationToken);

    /// <summary>
    /// At start-up: a waiting automation without a trigger (the app stopped between our row and Quartz's) is armed again;
    /// one left <see cref="AutomationState.Running"/> was interrupted mid-way and is not run again blindly.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<ScheduledAutomation>().Where(a => a.State == AutomationState.Running).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.State, AutomationState.Failed)
                .SetProperty(a => a.Outcome, "Interrupted: the app stopped while this ran; check the conversation.")
                .SetProperty(a => a.UpdatedAt, now),
            cancellationToken);
        var waiting = await db.Set<ScheduledAutomation>().AsNoTracking().Where(a => a.State == AutomationState.Scheduled).ToListAsync(cancellationToken);
        foreach (var row in waiting)
        {
            if (!await timer.IsSetAsync(row.Kind, row.ConversationId, cancellationToken))
            {
                await timer.SetAsync(row.Kind, row.ConversationId, row.DueAt, cancellationToken);
                logger.LogWarning("{Kind} for conversation {ConversationId} had lost its trigger; re-armed for {Due:O}", row.Kind, row.ConversationId, row.DueAt);
            }
        }
    }
}
