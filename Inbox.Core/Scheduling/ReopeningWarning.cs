using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Core.Scheduling;

/// <summary>
/// The Saturday-message-answered-on-Monday case (docs/platform-rules.md §8): a message arrives while closed and its standard window
/// ends before the next opening. The conversation is flagged and goes to the top of the list; the warning says what
/// the policy will still allow at the opening.
/// </summary>
public static class ReopeningWarning
{
    /// <summary>The opening to flag the conversation for, or null when no warning is due.</summary>
    public static DateTime? FlagFor(ConversationFacts facts, BusinessCalendar calendar, DateTime now)
    {
        if (facts.Kind != ConversationKind.Direct || facts.Channel == ChannelKind.Line || calendar.IsOpen(now)
            || calendar.NextOpening(now) is not { } opening)
        {
            return null;
        }

        return ReplyPolicy.Evaluate(facts, now).StandardClosesAt is { } closes && closes <= opening ? opening : null;
    }

    /// <summary>What an agent will be able to send at <paramref name="opening"/>, in words.</summary>
    public static string Describe(ConversationFacts facts, DateTime opening)
    {
        var then = ReplyPolicy.Evaluate(facts, opening);
        var closes = ReplyPolicy.Evaluate(facts, facts.LastInboundAt ?? opening).StandardClosesAt;
        var intro = $"The window closes {At(closes)}, before the reopening {At(opening)}.";
        return then switch
        {
            _ when then.Allows(ReplyType.FreeForm) => $"{intro} A free-form reply is still possible then.",
            _ when then.Allows(ReplyType.HumanAgentTag) => $"{intro} On reopening: a HUMAN_AGENT reply until {At(then.For(ReplyType.HumanAgentTag)!.ExpiresAt)}.",
            _ when then.Allows(ReplyType.Template) => $"{intro} On reopening: WhatsApp templates only.",
            _ => $"{intro} On reopening nothing can be sent until the customer writes again.",
        };
    }

    private static string At(DateTime? utc) => utc?.ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";
}
