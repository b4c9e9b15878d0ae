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

    /// <summary>WhatsApp template replies: the header's text parameters, as a JSON array of strings; null when none.</summary>
    public string? TemplateHeaderParameters { get; set; }

    /// <summary>WhatsApp template replies: URL button parameters as a JSON object from button position to value; null when none.</summary>
    public string? TemplateButtonParameters { get; set; }

    /// <summary>The agent who wrote an outbound message.</summary>
    public int? AgentId { get; set; }

    /// <summary>Inbound attachments: the platform's type (<c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c>, <c>sticker</c>, <c>location</c>…); the text is a placeholder.</summary>
    public string? AttachmentType { get; set; }

    /// <summary>Inbound attachments: where the platform serves the file, when it gives a URL.</summary>
    public string? AttachmentUrl { get; set; }

    /// <summary>LINE <c>mode=standby</c>: another module owns the chat; the message is kept for the record and never answered.</summary>
    public bool Standby { get; set; }

    /// <summary>Outbound: calls made to the platform so far.</summary>
    public int SendAttempts { get; set; }

    /// <summary>Outbound: a queued message is not sent before this instant (back-off, or a channel waiting for a new token); null means now.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>Outbound: when the sender claimed the message (status <see cref="DeliveryStatus.Sending"/>).</summary>
    public DateTime? SendingSince { get; set; }

    /// <summary>Outbound: an idempotency key for platforms that honour one (LINE <c>X-Line-Retry-Key</c>).</summary>
    public string? SendKey { get; set; }

    /// <summary>Outbound: why the message was not delivered, in the inbox's own terms; the platform's code and text are in <see cref="ErrorCode"/> and <see cref="ErrorMessage"/>.</summary>
    public SendFailure? Failure { get; set; }

    /// <summary>The photos, videos, audio and files this message carries.</summary>
    public List<Media.Attachment> Attachments { get; set; } = [];
    /// <summary>WhatsApp outbound: the latest status value as Meta sent it, including values Inbox does not know (e.g. <c>played</c>).</summary>
    public string? PlatformStatus { get; set; }

    /// <summary>WhatsApp outbound: Meta's <c>pricing.category</c> from a status webhook (<c>marketing</c>, <c>utility</c>, <c>service</c>…); null until one arrives.</summary>
    public string? PricingCategory { get; set; }

    /// <summary>WhatsApp outbound: Meta's <c>pricing.type</c> (<c>regular</c>, <c>free_customer_service</c>, <c>free_entry_point</c>).</summary>
    public string? PricingType { get; set; }

    /// <summary>WhatsApp outbound: whether Meta bills the message, from <c>pricing</c>; null until a status says.</summary>
    public bool? Billable { get; set; }
}
