using Inbox.Core.Events;

namespace Inbox.Core.Channels.Outbound;

/// <summary>A new access token releases the replies held for the channel: wake the sender rather than wait for its next poll.</summary>
public sealed class WakeSenderOnChannelReauthorised(OutboundSignal signal) : IDomainEventHandler<ChannelReauthorised>
{
    public Task HandleAsync(ChannelReauthorised domainEvent, CancellationToken cancellationToken)
    {
        signal.Wake();
        return Task.CompletedTask;
    }
}
