using Inbox.Core.Scheduling;

namespace Inbox.Tests.TestSupport;

/// <summary>An automation timer that only remembers the seconds armed: rule tests fire automations by calling the runner themselves.</summary>
public sealed class RecordingTimer : IAutomationTimer
{
    private readonly List<DateTime> armed = [];

    /// <summary>Every second armed, in order, re-arms included.</summary>
    public IReadOnlyList<DateTime> Armed
    {
        get
        {
            lock (armed)
            {
                return [.. armed];
            }
        }
    }

    public Task ArmAsync(IReadOnlyCollection<DateTime> seconds, CancellationToken cancellationToken)
    {
        lock (armed)
        {
            armed.AddRange(seconds.Where(s => !armed.Contains(s)));
        }

        return Task.CompletedTask;
    }

    public void Waking(DateTime second)
    {
    }

    public Task RearmAsync(DateTime second, CancellationToken cancellationToken)
    {
        lock (armed)
        {
            armed.Add(second);
        }

        return Task.CompletedTask;
    }
}
