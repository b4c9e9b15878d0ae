using Inbox.Core.Events;

namespace Inbox.Core.Reporting;

/// <summary>A new assignee or team takes the waiting turns; marked done, an unanswered turn stops waiting.</summary>
public sealed class RefreshFactsOnConversationUpdated(ResponseFactsUpdater facts) : IDomainEventHandler<ConversationUpdated>
{
    public Task HandleAsync(ConversationUpdated domainEvent, CancellationToken cancellationToken) =>
        domainEvent.What == ConversationUpdate.Read ? Task.CompletedTask : facts.RefreshConversationAsync(domainEvent.ConversationId, cancellationToken);
}
