using Inbox.Core.Conversations;

namespace Inbox.Core.Channels.Outbound;

/// <summary>A claimed message with what its platform call needs: the conversation, the channel and the recipient's platform id (WhatsApp: phone number or BSUID).</summary>
public sealed record OutboundSend(Message Message, Conversation Conversation, Channel Channel, string Recipient)
{
    /// <summary>
    /// Told after each failed call that will be retried, before the back-off: the dispatcher records it on the message so
    /// the agent sees the retry while it happens. Null when nobody listens.
    /// </summary>
    public Func<SendRetry, CancellationToken, Task>? Retrying { get; init; }

    /// <summary>The photo or file this reply carries; null for a text.</summary>
    public Media.Attachment? File => Message.Attachments.FirstOrDefault(a => a.StoredAs is not null && a.MimeType is not null);

    /// <summary>The text to send: the message's own, or null when it is only the placeholder of a file sent alone (<c>[image]</c>).</summary>
    public string? Text => File is { } file && Message.Text == $"[{file.Kind}]" ? null : Message.Text;

    /// <summary>Reads a message whose conversation, contact and channel are loaded.</summary>
    public static OutboundSend Of(Message message)
    {
        var conversation = message.Conversation ?? throw new InvalidOperationException("Load the message's conversation.");
        var channel = conversation.Channel ?? throw new InvalidOperationException("Load the conversation's channel.");
        var contact = conversation.Contact ?? throw new InvalidOperationException("Load the conversation's contact.");
        // WhatsApp: the phone number while it is known, the BSUID once the customer's username hides it.
        var recipient = channel.Kind == ChannelKind.WhatsApp ? contact.Phone ?? contact.ExternalId : contact.ExternalId;
        return new OutboundSend(message, conversation, channel, recipient);
    }
}
