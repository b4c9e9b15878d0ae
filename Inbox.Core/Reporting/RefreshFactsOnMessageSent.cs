using Inbox.Core.Conversations;
using Inbox.Core.Events;

namespace Inbox.Core.Reporting;

/// <summary>A reply left (or failed): it may answer the waiting turn, and a sent message is counted for billing and quota.</summary>
public sealed class RefreshFactsOnMessageSent(ResponseFactsUpdater facts) : IDomainEventHandler<MessageStatusChanged>
{
    public async Task HandleAsync(MessageStatusChanged domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read)
        {
            await facts.RecordSendAsync(domainEvent.MessageId, cancellationToken);
            await facts.RefreshConversationAsync(domainEvent.ConversationId, cancellationToken);
        }
    }
}
