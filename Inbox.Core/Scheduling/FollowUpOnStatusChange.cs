using Inbox.Core.Events;

namespace Inbox.Core.Scheduling;

/// <summary>Resolved: the CSAT survey is scheduled; pending: the follow-up (when on); any other move cancels what no longer applies.</summary>
public sealed class FollowUpOnStatusChange(CsatSurveys surveys, PendingFollowUps followUps) : IDomainEventHandler<ConversationUpdated>
{
    public async Task HandleAsync(ConversationUpdated domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.What != ConversationUpdate.Status)
        {
            return;
        }

        await surveys.FollowStatusAsync(domainEvent.ConversationId, cancellationToken);
        await followUps.FollowStatusAsync(domainEvent.ConversationId, cancellationToken);
    }
}
