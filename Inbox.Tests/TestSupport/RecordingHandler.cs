using Inbox.Core.Events;

namespace Inbox.Tests.TestSupport;

/// <summary>A domain event handler that keeps the events it is given.</summary>
public sealed class RecordingHandler<TEvent> : IDomainEventHandler<TEvent>
{
    public List<TEvent> Received { get; } = [];

    public Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        Received.Add(domainEvent);
        return Task.CompletedTask;
    }
}
