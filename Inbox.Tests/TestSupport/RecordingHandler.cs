using Inbox.Core.Events;

namespace Inbox.Tests.TestSupport;

/// <summary>A domain event handler that keeps the events it is given, and lets a test await the first one.</summary>
public sealed class RecordingHandler<TEvent> : IDomainEventHandler<TEvent>
{
    private readonly TaskCompletionSource<TEvent> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<TEvent> Received { get; } = [];

    /// <summary>Completes with the first event handled (events may come from a background thread, e.g. a Quartz firing).</summary>
    public Task<TEvent> First => first.Task;

    public Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        lock (Received)
        {
            Received.Add(domainEvent);
        }

        first.TrySetResult(domainEvent);
        return Task.CompletedTask;
    }
}
