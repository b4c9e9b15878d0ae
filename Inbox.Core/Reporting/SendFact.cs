using Inbox.Core.Policy;
using Inbox.Core.Replies;

namespace Inbox.Core.Reporting;

/// <summary>One outbound message that left for the platform: what Meta bills and what LINE counts, without reading Messages.</summary>
public class SendFact
{
    /// <summary>The message's id: one fact per message, however many status updates it gets.</summary>
    public long MessageId { get; set; }

    public int ConversationId { get; set; }

    public int ChannelId { get; set; }

    public DateTime SentAt { get; set; }

    public ReplyType ReplyType { get; set; }

    /// <summary>Written by an automation rather than a person.</summary>
    public bool Automated { get; set; }

    public int? AgentId { get; set; }

    /// <summary>WhatsApp templates: the registered template's category (Marketing, Utility, Authentication), when known.</summary>
    public TemplateCategory? TemplateCategory { get; set; }

    /// <summary>WhatsApp: Meta's own <c>pricing.category</c> for the message, once a status webhook carried it.</summary>
    public string? PricingCategory { get; set; }

    /// <summary>WhatsApp: Meta's word on whether the message is billed; null where it never arrived (then inferred).</summary>
    public bool? Billable { get; set; }
}
