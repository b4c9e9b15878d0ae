using Inbox.Core.Events;

namespace Inbox.Bench;

/// <summary>
/// Records each reminder as the app shows it (the automation's effect), against its due time (the window's end less
/// the reminder's lead); completes when every conversation has had one.
/// </summary>
public sealed class LatenessRecorder(int expected, TimeSpan lead) : IDomainEventHandler<WindowClosingSoon>
{
    private readonly List<TimeSpan> lateness = new(expected);
    private readonly HashSet<int> conversations = [];
    private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task All => all.Task;

    public Task HandleAsync(WindowClosingSoon domainEvent, CancellationToken cancellationToken)
    {
        var late = DateTime.UtcNow - (domainEvent.ClosesAt - lead);
        lock (lateness)
        {
            lateness.Add(late);
            if (conversations.Add(domainEvent.ConversationId) && conversations.Count >= expected)
            {
                all.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Every effect's lateness (negative: early), and how many conversations had more than one.</summary>
    public (List<TimeSpan> Lateness, int Twice) Snapshot()
    {
        lock (lateness)
        {
            return ([.. lateness], lateness.Count - conversations.Count);
        }
    }
}
