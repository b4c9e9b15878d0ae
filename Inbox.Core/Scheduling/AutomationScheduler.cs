using Inbox.Core.Channels.Inbound;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Schedules and cancels automations: our <see cref="ScheduledAutomation"/> row (the truth a firing is checked against),
/// then, for a row due within <see cref="SchedulerOptions.ArmAhead"/>, the timer of its due second.
/// </summary>
/// <remarks>
/// A row due later stores no timer at all: the every-minute arming run (<see cref="ArmNearAsync"/>) arms its second
/// once it comes near, so a webhook that sets a 23 h reminder writes only our row. Cancelling or moving a row never
/// removes a timer: a wake-up that finds nothing due claims nothing.
/// </remarks>
public sealed class AutomationScheduler(
    IDbContextFactory<InboxDbContext> contexts,
    IAutomationTimer timer,
    IngestWriteGate gate,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<AutomationScheduler> logger)
{
    /// <summary>Schedules (or moves) the automation of this kind for the conversation to <paramref name="dueUtc"/>.</summary>
    public Task ScheduleAsync(int conversationId, AutomationKind kind, DateTime dueUtc, CancellationToken cancellationToken = default) =>
        ApplyAsync([AutomationChange.Schedule(conversationId, kind, dueUtc)], cancellationToken);

    /// <summary>Cancels the automation if it is still waiting; returns whether one was.</summary>
    public async Task<bool> CancelAsync(int conversationId, AutomationKind kind, string reason, CancellationToken cancellationToken = default) =>
        await ApplyAsync([AutomationChange.Cancel(conversationId, kind, reason)], cancellationToken) > 0;

    /// <summary>
    /// Applies many changes in one transaction on our rows, then arms the seconds of those due within the horizon in one
    /// go (a webhook batch moves the reminders of a hundred conversations at once). Cancelling only touches automations still
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
        var cancelled = new List<AutomationChange>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // A webhook batch's reminders are written just as the webhook store commits what queued during the batch:
            // waiting for its turn here wakes the moment the store is done, where SQLite's busy handler sleeps in steps.
            using var turn = await gate.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = latest.Select(c => c.ConversationId).Distinct().ToList();
            var rows = (await db.Set<ScheduledAutomation>().AsNoTracking().Where(a => ids.Contains(a.ConversationId))
                .Select(a => new { a.Id, a.ConversationId, a.Kind, a.State }).ToListAsync(cancellationToken))
                .ToDictionary(a => (a.ConversationId, a.Kind));

            // A row that exists only moves (one statement for many rows); a first one is added.
            var moves = new List<(long Id, DateTime Due)>();
            foreach (var change in armed)
            {
                if (rows.TryGetValue((change.ConversationId, change.Kind), out var row))
                {
                    moves.Add((row.Id, change.Due!.Value));
                }
                else
                {
                    db.Add(new ScheduledAutomation
                    {
                        ConversationId = change.ConversationId, Kind = change.Kind, State = AutomationState.Scheduled, DueAt = change.Due!.Value, UpdatedAt = now,
                    });
                }
            }

            await AutomationMoves.MoveAsync(db, moves, now, cancellationToken);
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

        await ArmAsync(armed.Select(c => c.Due!.Value), now, cancellationToken, overdueNow: true);

        // Debug: every customer message moves its conversation's reminders, which at Information was two lines per
        // message in a busy inbox's log. What each automation did when it ran stays at Information (AutomationRunner).
        foreach (var change in armed)
        {
            logger.LogDebug("{Kind} for conversation {ConversationId} scheduled at {Due:O}", change.Kind, change.ConversationId, change.Due);
        }

        foreach (var change in cancelled)
        {
            logger.LogDebug("{Kind} for conversation {ConversationId} cancelled: {Reason}", change.Kind, change.ConversationId, change.Reason);
        }

        return cancelled.Count;
    }

    /// <summary>
    /// The arming run (every minute, and at start-up): arms the seconds of waiting automations due within
    /// <see cref="SchedulerOptions.ArmAhead"/>, overdue ones included (their job may be lost). Returns how many seconds it asked for.
    /// </summary>
    public async Task<int> ArmNearAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var horizon = now + options.Value.ArmAhead;
        List<DateTime> dues;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            dues = await db.Set<ScheduledAutomation>().Where(a => a.State == AutomationState.Scheduled && a.DueAt <= horizon)
                .Select(a => a.DueAt).Distinct().ToListAsync(cancellationToken);
        }

        return await ArmAsync(dues, now, cancellationToken);
    }

    /// <summary>The wake-up of <paramref name="second"/> is about to look for due rows (see <see cref="IAutomationTimer.Waking"/>).</summary>
    internal void Waking(DateTime second) => timer.Waking(second);

    /// <summary>A wake-up for <paramref name="second"/> came before it: arms that second again.</summary>
    internal Task RearmAsync(DateTime second, CancellationToken cancellationToken) => timer.RearmAsync(second, cancellationToken);

    /// <summary>Sets the due time again after a failed attempt, keeping the failure count.</summary>
    internal async Task RetryAsync(ScheduledAutomation row, DateTime dueUtc, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Set<ScheduledAutomation>().Where(a => a.Id == row.Id).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.State, AutomationState.Scheduled).SetProperty(a => a.DueAt, dueUtc), cancellationToken);
        }

        await ArmAsync([dueUtc], time.GetUtcNow().UtcDateTime, cancellationToken, overdueNow: true);
    }

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
        await ArmNearAsync(cancellationToken);
    }

    /// <summary>
    /// Arms the due seconds (rounded up: never early) of the due times within the horizon. A row just scheduled in the
    /// past (<paramref name="overdueNow"/>) wakes at the current second: its own second's job may already have run.
    /// </summary>
    private async Task<int> ArmAsync(IEnumerable<DateTime> dues, DateTime now, CancellationToken cancellationToken, bool overdueNow = false)
    {
        var horizon = now + options.Value.ArmAhead;
        var seconds = dues.Where(d => d <= horizon).Select(d => RoundUpToSecond(overdueNow && d < now ? now : d)).Distinct().ToList();
        if (seconds.Count > 0)
        {
            await timer.ArmAsync(seconds, cancellationToken);
        }

        return seconds.Count;
    }

    /// <summary>The first whole second at or after <paramref name="due"/>.</summary>
    public static DateTime RoundUpToSecond(DateTime due)
    {
        var remainder = due.Ticks % TimeSpan.TicksPerSecond;
        return DateTime.SpecifyKind(remainder == 0 ? due : due.AddTicks(TimeSpan.TicksPerSecond - remainder), DateTimeKind.Utc);
    }
}
