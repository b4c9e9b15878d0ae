using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

public sealed record MessageDto(long Id, MessageDirection Direction, string Text, DateTime SentAt, ReplyType? ReplyType, DeliveryStatus Status, ErrorDto? Error)
{
    public static MessageDto Of(Message message) => new(
        message.Id, message.Direction, message.Text, message.SentAt, message.ReplyType, message.Status,
        message.ErrorMessage is { } error ? new ErrorDto(message.ErrorCode, error) : null);
}
