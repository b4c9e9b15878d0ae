namespace Inbox.Core.Events;

/// <summary>Reacts to one kind of domain event after the change that raised it was saved. Name handlers for their effect.</summary>
public interface IDomainEventHandler<in TEvent>
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
