using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Schedules and cancels automations: our <see cref="ScheduledAutomation"/> row first (the truth a firing is checked
/// against), then the timer. A lost trigger is re-armed at start-up (<see cref="RecoverAsync"/>); a stale one finds no row to claim.
/// </summary>
/// <remarks>
/// A waiting automation's trigger is never later than its row's due time. Moving the due time later (every customer
/// message moves the reminders) therefore only updates the row: the earlier trigger fires, finds nothing due yet, and
/// is re-armed for the row's time (<see cref="RearmIfMovedAsync"/>). That costs one timer write per firing instead of
/// one per message, which is what lets a busy number's webhooks through.
/// </remarks>
public sealed class AutomationScheduler(
    IDbContextFactory<InboxDbContext> contexts, IAutomationTimer timer, TimeProvider time, ILogger<AutomationScheduler> logger)
{
    /// <summary>Schedules (or moves) the automation of this kind for the conversation to <paramref name="dueUtc"/>.</summary>
    public Task ScheduleAsync(int conversationId, AutomationKind kind, DateTime dueUtc, CancellationToken cancellationToken = default) =>
        ApplyAsync([AutomationChange.Schedule(conversationId, kind, dueUtc)], cancellationToken);

    /// <summary>Cancels the automation if it is still waiting; returns whether one was.</summary>
    public async Task<bool> CancelAsync(int conversationId, AutomationKind kind, string reason, CancellationToken cancellationToken = default) =>
        await ApplyAsync([AutomationChange.Cancel(conversationId, kind, reason)], cancellationToken) > 0;

    /// <summary>
    /// Applies many changes in one transaction on our rows, then sets and clears their timers in one go (a webhook
    /// batch moves the reminders of a hundred conversations at once). Cancelling only touches automations still
    /// waiting; returns how many were cancelled.
    /// </summary>
    public async Task<int> ApplyAsync(IReadOnlyCollection<AutomationChange> changes, CancellationToken cancellationToken = default)
    {
        var latest = changes.GroupBy(c => (c.ConversationId, c.Kind)).Select(g => g.Last()).ToList();
        if (latest.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var armed = latest.Where(c => c.Due is not null).ToList();
        var timers = new List<AutomationChange>();
        var cancelled = new List<AutomationChange>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = latest.Select(c => c.ConversationId).Distinct().ToList();
            var rows = (await db.Set<ScheduledAutomation>().Where(a => ids.Contains(a.ConversationId)).ToListAsync(cancellationToken))
                .ToDictionary(a => (a.ConversationId, a.Kind));
            foreach (var change in armed)
            {
                if (!rows.TryGetValue((change.ConversationId, change.Kind), out var row))
                {
                    row = new ScheduledAutomation { ConversationId = change.ConversationId, Kind = change.Kind };
                    db.Add(row);
                    timers.Add(change);
                }
                else if (row.State != AutomationState.Scheduled || change.Due < row.DueAt)
                {
                    timers.Add(change);
                }

                (row.State, row.DueAt, row.Failures, row.Outcome, row.UpdatedAt) = (AutomationState.Scheduled, change.Due!.Value, 0, null, now);
            }

            await db.SaveChangesAsync(cancellationToken);

            // A cancel is a conditional update, so a firing that has just claimed its row (Running) is left to finish.
            foreach (var change in latest.Where(c => c.Due is null && rows.GetValueOrDefault((c.ConversationId, c.Kind)) is { State: AutomationState.Scheduled }))
            {
                var done = await db.Set<ScheduledAutomation>()
                    .Where(a => a.ConversationId == change.ConversationId && a.Kind == change.Kind && a.State == AutomationState.Scheduled)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(a => a.State, AutomationState.Cancelled).SetProperty(a => a.Outcome, change.Reason).SetProperty(a => a.UpdatedAt, now),
                        cancellationToken);
                if (done > 0)
                {
                    cancelled.Add(change);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await timer.SetManyAsync([.. timers.Select(c => (c.Kind, c.ConversationId, c.Due!.Value))], cancellationToken);
        await timer.ClearManyAsync([.. cancelled.Select(c => (c.Kind, c.ConversationId))], cancellationToken);
        foreach (var change in armed)
        {
            logger.LogInformation("{Kind} for conversation {ConversationId} scheduled at {Due:O}", change.Kind, change.ConversationId, change.Due);
        }

        foreach (var change in cancelled)
        {
            logger.LogInformation("{Kind} for conversation {ConversationId} cancelled: {Reason}", change.Kind, change.ConversationId, change.Reason);
        }

        return cancelled.Count;
    }

    /// <summary>
    /// A trigger fired for <paramref name="firedFor"/> but found its automation not yet due: the due time moved later
    /// since. Arms the timer for the row's time; returns whether it did.
    /// </summary>
    public async Task<bool> RearmIfMovedAsync(AutomationKind kind, int conversationId, DateTime firedFor, CancellationToken cancellationToken = default)
    {
        DateTime? due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Set<ScheduledAutomation>()
                .Where(a => a.ConversationId == conversationId && a.Kind == kind && a.State == AutomationState.Scheduled && a.DueAt > firedFor)
                .Select(a => (DateTime?)a.DueAt)
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (due is null)
        {
            return false;
        }

        await timer.SetAsync(kind, conversationId, due.Value, cancellationToken);
        logger.LogDebug("{Kind} for conversation {ConversationId} moved to {Due:O} since its trigger was set; re-armed", kind, conversationId, due);
        return true;
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
    /// At start-up: a waiting automation without a job (the app stopped between our row and Hangfire's job) is armed again;
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
