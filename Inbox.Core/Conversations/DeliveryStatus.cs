namespace Inbox.Core.Conversations;

public enum DeliveryStatus
{
    /// <summary>An inbound message, stored.</summary>
    Received,
    Queued,
    Sent,
    Delivered,
    Read,
    Failed,
}
