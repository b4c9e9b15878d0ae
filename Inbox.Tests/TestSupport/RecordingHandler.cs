using Inbox.Core.Events;

namespace Inbox.Tests.TestSupport;

/// <summary>A domain event handler that keeps the events it is given, and lets a test await the first one, or the n-th.</summary>
public sealed class RecordingHandler<TEvent> : IDomainEventHandler<TEvent>
{
    private readonly TaskCompletionSource<TEvent> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource<TEvent> Reached)> waiters = [];

    public List<TEvent> Received { get; } = [];

    /// <summary>Completes with the first event handled (events may come from a background thread, e.g. a Hangfire job).</summary>
    public Task<TEvent> First => first.Task;

    /// <summary>Completes with the <paramref name="count"/>-th event handled.</summary>
    public Task<TEvent> NthAsync(int count)
    {
        lock (Received)
        {
            if (Received.Count >= count)
            {
                return Task.FromResult(Received[count - 1]);
            }

            var reached = new TaskCompletionSource<TEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task;
        }
    }

    public Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        lock (Received)
        {
            Received.Add(domainEvent);
            foreach (var (count, reached) in waiters.Where(w => w.Count == Received.Count))
            {
                reached.TrySetResult(domainEvent);
            }
        }

        first.TrySetResult(domainEvent);
        return Task.CompletedTask;
    }
}
