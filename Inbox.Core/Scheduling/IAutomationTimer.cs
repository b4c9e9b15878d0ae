namespace Inbox.Core.Scheduling;

/// <summary>
/// What wakes an automation at its due time: Hangfire in the app (<see cref="Hangfire.HangfireAutomationTimer"/>), a
/// recording fake in rule tests. The timer only wakes; <see cref="AutomationRunner"/> decides, against <see cref="ScheduledAutomation"/>, whether to act.
/// </summary>
public interface IAutomationTimer
{
    /// <summary>Sets (or moves) the one wake-up of this kind for this conversation.</summary>
    Task SetAsync(AutomationKind kind, int conversationId, DateTime dueUtc, CancellationToken cancellationToken);

    /// <summary>Removes it, if any.</summary>
    Task ClearAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken);

    /// <summary>Sets (or moves) many wake-ups at once; in one go.</summary>
    async Task SetManyAsync(IReadOnlyList<(AutomationKind Kind, int ConversationId, DateTime DueUtc)> wakeUps, CancellationToken cancellationToken)
    {
        foreach (var (kind, conversationId, dueUtc) in wakeUps)
        {
            await SetAsync(kind, conversationId, dueUtc, cancellationToken);
        }
    }

    /// <summary>Removes many at once.</summary>
    async Task ClearManyAsync(IReadOnlyList<(AutomationKind Kind, int ConversationId)> wakeUps, CancellationToken cancellationToken)
    {
        foreach (var (kind, conversationId) in wakeUps)
        {
            await ClearAsync(kind, conversationId, cancellationToken);
        }
    }

    /// <summary>Whether a wake-up is set (used at start-up to re-arm automations whose trigger was lost).</summary>
    Task<bool> IsSetAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken);
}
