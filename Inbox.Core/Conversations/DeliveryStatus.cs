namespace Inbox.Core.Conversations;

public enum DeliveryStatus
{
    /// <summary>An inbound message, stored.</summary>
    Received,
    /// <summary>Waiting to be sent (new, backing off, or held while its channel needs a new token).</summary>
    Queued,

    /// <summary>Claimed by the sender; the platform call is in flight.</summary>
    Sending,
    Sent,
    Delivered,
    Read,
    Failed,
}
