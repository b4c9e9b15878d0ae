using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Policy;

namespace Inbox.Core.Scheduling;

/// <summary>How the CSAT question may go out now, or why it cannot. Pure.</summary>
public static class CsatRule
{
    /// <summary>
    /// A free-form question while a free-form reply is allowed to an automation; on WhatsApp outside the window, the
    /// configured utility template when it is registered; otherwise nothing, with the reason (automations never use HUMAN_AGENT).
    /// </summary>
    /// <param name="automationDecision">The policy's decision for an <see cref="SenderKind.Automation"/> sender now.</param>
    /// <param name="templateRegistered">The configured CSAT template is registered for this channel.</param>
    /// <param name="question">The question in the customer's language; the configured default when null.</param>
    public static (ReplyRequest? Request, Phrase? Skip) Choose(
        ChannelKind channel, ConversationKind kind, ReplyDecision automationDecision, AutomationOptions options, bool templateRegistered, string? question = null)
    {
        if (kind == ConversationKind.Comment)
        {
            return (null, new Phrase("Comment threads are not surveyed."));
        }

        if (automationDecision.Allows(ReplyType.FreeForm))
        {
            return (new ReplyRequest(question ?? options.CsatQuestion, ReplyType.FreeForm), null);
        }

        if (channel == ChannelKind.WhatsApp && automationDecision.Allows(ReplyType.Template))
        {
            return string.IsNullOrWhiteSpace(options.CsatTemplateName) || !templateRegistered
                ? (null, new Phrase("The WhatsApp window closed and the CSAT template \"{0}\" ({1}) is not registered.", options.CsatTemplateName, options.CsatTemplateLanguage))
                : (new ReplyRequest(null, ReplyType.Template, new TemplateReply(options.CsatTemplateName, options.CsatTemplateLanguage, [])), null);
        }

        var reason = automationDecision.For(ReplyType.FreeForm)?.Why ?? new Phrase("No reply type allows an automated message now.");
        return (null, reason);
    }
}
