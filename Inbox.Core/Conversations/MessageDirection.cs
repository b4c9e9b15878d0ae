namespace Inbox.Core.Conversations;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
