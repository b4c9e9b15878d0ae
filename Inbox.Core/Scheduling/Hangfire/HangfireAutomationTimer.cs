using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// One scheduled Hangfire job per (kind, conversation). Hangfire numbers its jobs itself, so the job of each automation
/// is remembered in a hash of the job storage (<c>inbox-automation:WindowReminder-42</c> → job id); a new due time
/// schedules a new job and deletes the one it replaces, a cancel deletes it.
/// </summary>
/// <remarks>
/// Hangfire's schedule keeps whole seconds and truncates: a job set for 12:00:00.800 is enqueued from 12:00:00.000.
/// Jobs are therefore set for the due time rounded up to the next second, so the schedule alone never wakes one early;
/// the runner still re-arms a job that wakes before its time (another server's clock, a hand-enqueued job).
/// </remarks>
public sealed class HangfireAutomationTimer(JobStorage storage, IBackgroundJobClient jobs) : IAutomationTimer
{
    private const string JobField = "job";

    private static readonly string[] Waiting = [ScheduledState.StateName, EnqueuedState.StateName, ProcessingState.StateName];

    // A webhook batch and a firing may set the same automation at once; each must delete the job the other replaced.
    private readonly SemaphoreSlim writing = new(1, 1);

    public Task SetAsync(AutomationKind kind, int conversationId, DateTime dueUtc, CancellationToken cancellationToken) =>
        SetManyAsync([(kind, conversationId, dueUtc)], cancellationToken);

    public async Task SetManyAsync(IReadOnlyList<(AutomationKind Kind, int ConversationId, DateTime DueUtc)> wakeUps, CancellationToken cancellationToken)
    {
        if (wakeUps.Count == 0)
        {
            return;
        }

        await writing.WaitAsync(cancellationToken);
        try
        {
            using var connection = storage.GetConnection();
            foreach (var (kind, conversationId, dueUtc) in wakeUps.DistinctBy(w => (w.Kind, w.ConversationId)))
            {
                var due = DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc);
                var milliseconds = new DateTimeOffset(due).ToUnixTimeMilliseconds();
                var job = Job.FromExpression<AutomationJob>(j => j.RunAsync(kind, conversationId, milliseconds, CancellationToken.None));
                var id = jobs.Create(job, new ScheduledState(RoundUpToSecond(due)));
                var previous = Replace(connection, kind, conversationId, id);
                Delete(previous);
            }
        }
        finally
        {
            writing.Release();
        }
    }

    public Task ClearAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken) =>
        ClearManyAsync([(kind, conversationId)], cancellationToken);

    public async Task ClearManyAsync(IReadOnlyList<(AutomationKind Kind, int ConversationId)> wakeUps, CancellationToken cancellationToken)
    {
        if (wakeUps.Count == 0)
        {
            return;
        }

        await writing.WaitAsync(cancellationToken);
        try
        {
            using var connection = storage.GetConnection();
            foreach (var (kind, conversationId) in wakeUps.Distinct())
            {
                var previous = connection.GetAllEntriesFromHash(Key(kind, conversationId))?.GetValueOrDefault(JobField);
                using (var transaction = connection.CreateWriteTransaction())
                {
                    transaction.RemoveHash(Key(kind, conversationId));
                    transaction.Commit();
                }

                Delete(previous);
            }
        }
        finally
        {
            writing.Release();
        }
    }

    public Task<bool> IsSetAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        var id = connection.GetAllEntriesFromHash(Key(kind, conversationId))?.GetValueOrDefault(JobField);
        var state = id is null ? null : connection.GetStateData(id)?.Name;
        return Task.FromResult(state is not null && Waiting.Contains(state));
    }

    /// <summary>The Hangfire job that wakes this automation, if one was set (tests and the dashboard link use it).</summary>
    public string? JobIdOf(AutomationKind kind, int conversationId)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllEntriesFromHash(Key(kind, conversationId))?.GetValueOrDefault(JobField);
    }

    /// <summary>The first whole second at or after <paramref name="due"/>.</summary>
    public static DateTime RoundUpToSecond(DateTime due)
    {
        var remainder = due.Ticks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? due : due.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }

    private static string Key(AutomationKind kind, int conversationId) =>
        $"inbox-automation:{kind}-{conversationId.ToString(CultureInfo.InvariantCulture)}";

    private static string? Replace(global::Hangfire.Storage.IStorageConnection connection, AutomationKind kind, int conversationId, string id)
    {
        var previous = connection.GetAllEntriesFromHash(Key(kind, conversationId))?.GetValueOrDefault(JobField);
        connection.SetRangeInHash(Key(kind, conversationId), [new KeyValuePair<string, string>(JobField, id)]);
        return previous;
    }

    /// <summary>
    /// Deletes a job that has not started. One already running is left alone: it is the firing that re-arms itself, and
    /// deleting it would abort it half-way.
    /// </summary>
    private void Delete(string? id)
    {
        if (id is not null && !jobs.ChangeState(id, new DeletedState(), ScheduledState.StateName))
        {
            jobs.ChangeState(id, new DeletedState(), EnqueuedState.StateName);
        }
    }
}
