using Inbox.Core.Scheduling;

namespace Inbox.Tests.TestSupport;

/// <summary>An automation timer that only remembers what is set: rule tests fire automations by calling the runner themselves.</summary>
public sealed class RecordingTimer : IAutomationTimer
{
    private readonly Dictionary<(AutomationKind, int), DateTime> set = [];

    public IReadOnlyDictionary<(AutomationKind Kind, int ConversationId), DateTime> Set
    {
        get
        {
            lock (set)
            {
                return new Dictionary<(AutomationKind, int), DateTime>(set);
            }
        }
    }

    public Task SetAsync(AutomationKind kind, int conversationId, DateTime dueUtc, CancellationToken cancellationToken)
    {
        lock (set)
        {
            set[(kind, conversationId)] = dueUtc;
        }

        return Task.CompletedTask;
    }

    public Task ClearAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken)
    {
        lock (set)
        {
            set.Remove((kind, conversationId));
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsSetAsync(AutomationKind kind, int conversationId, CancellationToken cancellationToken)
    {
        lock (set)
        {
            return Task.FromResult(set.ContainsKey((kind, conversationId)));
        }
    }
}
