namespace Inbox.Core.Events;

/// <summary>
/// Reacts to the events one unit of work raised, all at once, so the work they cause can share one transaction
/// (a webhook batch can raise a hundred <see cref="MessageReceived"/>). A single event arrives as a list of one.
/// </summary>
public interface IDomainEventBatchHandler<TEvent>
{
    Task HandleAsync(IReadOnlyList<TEvent> domainEvents, CancellationToken cancellationToken);
}
