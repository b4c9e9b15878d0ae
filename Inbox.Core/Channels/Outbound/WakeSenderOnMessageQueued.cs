using Inbox.Core.Events;

namespace Inbox.Core.Channels.Outbound;

/// <summary>A queued reply wakes the background sender.</summary>
public sealed class WakeSenderOnMessageQueued(OutboundSignal signal) : IDomainEventHandler<MessageQueued>
{
    public Task HandleAsync(MessageQueued domainEvent, CancellationToken cancellationToken)
    {
        signal.Wake();
        return Task.CompletedTask;
    }
}
