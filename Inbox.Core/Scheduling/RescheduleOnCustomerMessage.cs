using Inbox.Core.Events;

namespace Inbox.Core.Scheduling;

/// <summary>A customer wrote: the reminders move to the new window, and a survey or follow-up waiting on a now reopened conversation stands down.</summary>
public sealed class RescheduleOnCustomerMessage(WindowReminders reminders, CsatSurveys surveys, PendingFollowUps followUps) : IDomainEventHandler<MessageReceived>
{
    public async Task HandleAsync(MessageReceived domainEvent, CancellationToken cancellationToken)
    {
        await reminders.PlanAsync(domainEvent.ConversationId, domainEvent.Standby, cancellationToken);
        await surveys.FollowStatusAsync(domainEvent.ConversationId, cancellationToken);
        await followUps.FollowStatusAsync(domainEvent.ConversationId, cancellationToken);
    }
}
