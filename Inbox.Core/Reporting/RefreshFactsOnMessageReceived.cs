using Inbox.Core.Events;

namespace Inbox.Core.Reporting;

/// <summary>Customers wrote: each conversation's turns change (a new turn, or one more message in the waiting one), rebuilt once per batch.</summary>
public sealed class RefreshFactsOnMessageReceived(ResponseFactsUpdater facts) : IDomainEventBatchHandler<MessageReceived>
{
    public Task HandleAsync(IReadOnlyList<MessageReceived> domainEvents, CancellationToken cancellationToken) =>
        facts.RefreshConversationsAsync([.. domainEvents.Select(e => e.ConversationId)], cancellationToken);
}
