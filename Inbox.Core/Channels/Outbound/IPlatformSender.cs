namespace Inbox.Core.Channels.Outbound;

/// <summary>Sends a claimed message to one platform, with exactly the payload its reply type requires.</summary>
public interface IPlatformSender
{
    /// <summary>Whether this sender speaks to channels of this kind.</summary>
    bool Handles(ChannelKind kind);

    /// <summary>Sends once (retrying transient errors) and reports the outcome; never throws for a platform refusal.</summary>
    Task<SendOutcome> SendAsync(OutboundSend send, CancellationToken cancellationToken);
}
