using Inbox.Core.Policy;

namespace Inbox.Core.Conversations;

/// <summary>One message in a conversation, inbound or outbound, with its delivery state.</summary>
public class Message
{
    public long Id { get; set; }

    public int ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    /// <summary>Denormalised from the conversation so the platform id can be unique per channel.</summary>
    public int ChannelId { get; set; }

    public MessageDirection Direction { get; set; }

    public MessageAuthor Author { get; set; }

    /// <summary>The platform's id (<c>mid</c>, <c>wamid</c>, LINE message id); unique per channel, the key for de-duplication.</summary>
    public string? PlatformMessageId { get; set; }

    public required string Text { get; set; }

    /// <summary>Platform time for inbound messages, our send time for outbound ones.</summary>
    public DateTime SentAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>How an outbound message is (to be) sent; null for inbound messages.</summary>
    public ReplyType? ReplyType { get; set; }

    public DeliveryStatus Status { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>WhatsApp template replies: the approved template's name.</summary>
    public string? TemplateName { get; set; }

    /// <summary>WhatsApp template replies: the template's language code, e.g. <c>en_US</c>.</summary>
    public string? TemplateLanguage { get; set; }

    /// <summary>WhatsApp template replies: the body parameters, as a JSON array of strings.</summary>
    public string? TemplateParameters { get; set; }

    /// <summary>The agent who wrote an outbound message.</summary>
    public int? AgentId { get; set; }
}
