using Inbox.Core.Policy;
using Inbox.Core.Replies;

namespace Inbox.Core.Reporting;

/// <summary>
/// How the cost report counts a WhatsApp message (docs/platform-rules.md §6): Meta's <c>pricing</c> from the status
/// webhook when it arrived, inference from the reply type and the registered template category only where it never did.
/// </summary>
public static class WhatsAppPricing
{
    /// <summary>Meta starts billing service replies inside the window from this month (UTC).</summary>
    public const string ServiceBilledFrom = "2026-10";

    /// <summary>The report column: Meta's category first, else the template's registered category, else service for free-form replies.</summary>
    public static WhatsAppBucket Bucket(string? metaCategory, ReplyType replyType, TemplateCategory? templateCategory) => metaCategory switch
    {
        "marketing" or "marketing_lite" => WhatsAppBucket.Marketing,
        "utility" => WhatsAppBucket.Utility,
        "authentication" or "authentication_international" => WhatsAppBucket.Authentication,
        "service" => WhatsAppBucket.Service,
        _ when replyType != ReplyType.Template => WhatsAppBucket.Service,
        _ => templateCategory switch
        {
            TemplateCategory.Marketing => WhatsAppBucket.Marketing,
            TemplateCategory.Utility => WhatsAppBucket.Utility,
            TemplateCategory.Authentication => WhatsAppBucket.Authentication,
            _ => WhatsAppBucket.OtherTemplate,
        },
    };

    /// <summary>Without Meta's word: every template is billed; service replies from 2026-10 (Meta's 2026-10-01 pricing).</summary>
    public static bool InferBilled(ReplyType replyType, string month) =>
        replyType == ReplyType.Template || string.CompareOrdinal(month, ServiceBilledFrom) >= 0;
}
