using Inbox.Core.Events;

namespace Inbox.Web.Realtime;

/// <summary>Hands every domain event that changes what an agent sees to the <see cref="InboxNotifier"/>.</summary>
public sealed class ForwardChangesToNotifier(InboxNotifier notifier) :
    IDomainEventHandler<MessageReceived>,
    IDomainEventHandler<MessageQueued>,
    IDomainEventHandler<MessageStatusChanged>,
    IDomainEventHandler<ConversationUpdated>,
    IDomainEventHandler<WindowClosingSoon>,
    IDomainEventHandler<AttachmentChanged>,
    IDomainEventHandler<ContactProfileUpdated>
{
    public Task HandleAsync(MessageReceived domainEvent, CancellationToken cancellationToken) =>
        notifier.PublishAsync(new InboxChange(domainEvent.ConversationId, domainEvent));

    public Task HandleAsync(MessageQueued domainEvent, CancellationToken cancellationToken) =>
        notifier.PublishAsync(new InboxChange(domainEvent.ConversationId, domainEvent));

    public Task HandleAsync(MessageStatusChanged domainEvent, CancellationToken cancellationToken) =>
        notifier.PublishAsync(new InboxChange(domainEvent.ConversationId, domainEvent));

    public Task HandleAsync(ConversationUpdated domainEvent, CancellationToken cancellationToken) =>
        notifier.PublishAsync(new InboxChange(domainEvent.ConversationId, domainEvent));

    public Task HandleAsync(WindowClosingSoon domainEvent, CancellationToken cancellationToken) =>
        notifier.PublishAsync(new InboxChange(domainEvent.ConversationId, domainEvent));

    public Task HandleAsync(AttachmentChanged domainEvent, CancellationToken cancellationToken) =>
        notifier.PublishAsync(new InboxChange(domainEvent.ConversationId, domainEvent));

    public async Task HandleAsync(ContactProfileUpdated domainEvent, CancellationToken cancellationToken)
    {
        foreach (var conversationId in domainEvent.ConversationIds)
        {
            await notifier.PublishAsync(new InboxChange(conversationId, domainEvent));
        }
    }
}
