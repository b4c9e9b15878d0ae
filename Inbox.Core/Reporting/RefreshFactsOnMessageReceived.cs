using Inbox.Core.Events;

namespace Inbox.Core.Reporting;

/// <summary>A customer wrote: the conversation's turns change (a new turn, or one more message in the waiting one).</summary>
public sealed class RefreshFactsOnMessageReceived(ResponseFactsUpdater facts) : IDomainEventHandler<MessageReceived>
{
    public Task HandleAsync(MessageReceived domainEvent, CancellationToken cancellationToken) =>
        facts.RefreshConversationAsync(domainEvent.ConversationId, cancellationToken);
}
