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
        var started = domainEvents.Where(e => e.NewConversation && !e.Standby).Select(e => e.ConversationId).Distinct().ToList();
        if (started.Count > 0)
        {
            await assignment.AssignNewAsync(started, cancellationToken);
        }
    }
}
