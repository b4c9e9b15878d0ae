using Inbox.Core.Events;

namespace Inbox.Core.Routing;

/// <summary>
/// A customer's first message starts a conversation: route it to an agent, before the away message reads its team.
/// Standby threads belong to another app and are left alone.
/// </summary>
public sealed class AutoAssignNewConversation(AssignmentService assignment) : IDomainEventBatchHandler<MessageReceived>
{
    public async Task HandleAsync(IReadOnlyList<MessageReceived> domainEvents, CancellationToken cancellationToken)
    {
        foreach (var started in domainEvents.Where(e => e.NewConversation && !e.Standby))
        {
            await assignment.AssignNewAsync(started.ConversationId, cancellationToken);
        }
    }
}
