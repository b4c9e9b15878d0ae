using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>One message as the API shows it.</summary>
/// <param name="Attempts">Outbound: calls made to the platform so far (0 for inbound messages).</param>
/// <param name="Error">Why it was not delivered, why it waits, or, while it is still <c>sending</c>, why the last call failed before the retry.</param>
/// <param name="Attachments">Photos, videos, audio and files, each served at its <c>url</c>.</param>
public sealed record MessageDto(long Id, MessageDirection Direction, string Text, DateTime SentAt, ReplyType? ReplyType, DeliveryStatus Status, int Attempts, ErrorDto? Error, IReadOnlyList<AttachmentDto> Attachments)
{
    public static MessageDto Of(Message message) => new(
        message.Id, message.Direction, message.Text, message.SentAt, message.ReplyType, message.Status, message.SendAttempts,
        message.ErrorMessage is { } error ? new ErrorDto(message.ErrorCode, error) : null,
        message.Attachments.Select(AttachmentDto.Of).ToList());
}
