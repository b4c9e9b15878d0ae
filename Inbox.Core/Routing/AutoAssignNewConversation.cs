using Inbox.Core.Events;

namespace Inbox.Core.Routing;

/// <summary>A customer's first message starts a conversation: route it to an agent. Standby threads belong to another app and are left alone.</summary>
public sealed class AutoAssignNewConversation(AutoAssignment assignment) : IDomainEventHandler<MessageReceived>
{
    public async Task HandleAsync(MessageReceived domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.NewConversation && !domainEvent.Standby)
        {
            await assignment.AssignNewAsync(domainEvent.ConversationId, cancellationToken);
        }
    }
}
