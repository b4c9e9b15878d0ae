using Inbox.Core.Events;

namespace Inbox.Core.Media;

/// <summary>A new customer message (perhaps with files, perhaps from a new customer) or a new channel token wakes the media worker.</summary>
public sealed class WakeMediaWorker(MediaSignal signal) : IDomainEventHandler<MessageReceived>, IDomainEventHandler<ChannelReauthorised>
{
    public Task HandleAsync(MessageReceived domainEvent, CancellationToken cancellationToken)
    {
        signal.Wake();
        return Task.CompletedTask;
    }

    public Task HandleAsync(ChannelReauthorised domainEvent, CancellationToken cancellationToken)
    {
        signal.Wake();
        return Task.CompletedTask;
    }
}
