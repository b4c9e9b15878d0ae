using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Core.Policy;

/// <summary>
/// The one place the platforms' messaging windows are decided (docs/platform-rules.md §1–§2). The inbox
/// countdowns, the composer, the REST API, the senders and the scheduler all ask it; none re-derives a window.
/// </summary>
public sealed class ReplyPolicy(TimeProvider time)
{
    /// <summary>Evaluates a conversation at the current instant.</summary>
    public ReplyDecision Evaluate(ConversationFacts facts, SenderKind sender = SenderKind.Human) =>
        Evaluate(facts, time.GetUtcNow().UtcDateTime, sender);

    /// <summary>Evaluates a conversation at <paramref name="now"/> (UTC). Windows are half-open: at exactly 24 h the standard window is closed.</summary>
    public static ReplyDecision Evaluate(ConversationFacts facts, DateTime now, SenderKind sender = SenderKind.Human)
    {
        if (facts.Kind == ConversationKind.Comment)
        {
            return Comment(facts, now);
        }

        return facts.Channel switch
        {
            ChannelKind.Messenger or ChannelKind.Instagram => Meta(facts, now, sender),
            ChannelKind.WhatsApp => WhatsApp(facts, now),
            ChannelKind.Line => Line(facts, now),
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Channel, "Unknown channel kind."),
        };
    }

    private static ReplyDecision Meta(ConversationFacts facts, DateTime now, SenderKind sender)
    {
        var platform = facts.Channel == ChannelKind.Messenger ? "Messenger" : "Instagram";
        if (facts.LastInboundAt is not { } last)
        {
            var never = $"The customer has not written on {platform}; a business cannot start the conversation.";
            return Decide(WindowState.Closed, null, null, [Refused(ReplyType.FreeForm, never), Refused(ReplyType.HumanAgentTag, never)]);
        }

        var standardEnd = StandardWindowEnd(facts)!.Value;
        var humanEnd = last + PlatformWindows.HumanAgent;
        var windowName = facts.StartedFromAd ? "7-day ad window" : "24-hour window";

        ReplyOption humanAgent;
        if (now >= humanEnd)
        {
            humanAgent = Refused(ReplyType.HumanAgentTag, $"The 7-day human agent window closed at {At(humanEnd)}; the customer must write again.");
        }
        else if (now < standardEnd)
        {
            // Meta: tagging a message inside the standard window is a policy violation.
            humanAgent = Refused(ReplyType.HumanAgentTag, $"Not needed before {At(standardEnd)}: the standard window is open, and tagging inside it breaks Meta's policy.");
        }
        else if (!facts.HumanAgentApproved)
        {
            humanAgent = Refused(ReplyType.HumanAgentTag, "This channel's app lacks Meta's Human Agent approval, so no reply is possible after the standard window.");
        }
        else if (sender == SenderKind.Automation)
        {
            humanAgent = Refused(ReplyType.HumanAgentTag, "The HUMAN_AGENT tag is for messages written by a person; automated messages may not use it.");
        }
        else
        {
            humanAgent = Allowed(ReplyType.HumanAgentTag, humanEnd);
        }

        var afterStandard = humanAgent.Allowed
            ? "only a HUMAN_AGENT-tagged reply can be sent."
            : now >= humanEnd ? "nothing can be sent until the customer writes again."
            : $"a HUMAN_AGENT-tagged reply is not possible either: {char.ToLowerInvariant(humanAgent.Reason![0])}{humanAgent.Reason[1..]}";
        var freeForm = now < standardEnd
            ? Allowed(ReplyType.FreeForm, standardEnd)
            : Refused(ReplyType.FreeForm, $"{platform} {windowName} closed at {At(standardEnd)}; {afterStandard}");

        var state = now < standardEnd ? WindowState.Open
            : now < humanEnd && facts.HumanAgentApproved ? WindowState.HumanAgent
            : WindowState.Closed;
        return Decide(state, standardEnd, humanEnd, [freeForm, humanAgent], facts.StartedFromAd);
    }

    private static ReplyDecision WhatsApp(ConversationFacts facts, DateTime now)
    {
        var template = Allowed(ReplyType.Template, null);
        if (facts.LastInboundAt is null)
        {
            return Decide(WindowState.TemplateOnly, null, null,
                [Refused(ReplyType.FreeForm, "The customer has not written on WhatsApp; only templates can be sent."), template]);
        }

        var standardEnd = StandardWindowEnd(facts)!.Value;
        var open = now < standardEnd;
        var freeForm = open
            ? Allowed(ReplyType.FreeForm, standardEnd)
            : Refused(ReplyType.FreeForm, $"WhatsApp 24-hour window closed at {At(standardEnd)}; only templates can be sent.");
        return Decide(open ? WindowState.Open : WindowState.TemplateOnly, standardEnd, null, [freeForm, template]);
    }

    private static ReplyDecision Line(ConversationFacts facts, DateTime now)
    {
        // LINE has no window; the reply API is free while the token is fresh, a push counts against the monthly quota.
        ReplyOption freeForm;
        if (HoldsFreshReplyToken(facts, now))
        {
            freeForm = Allowed(ReplyType.FreeForm, null, "Goes as a free LINE reply while the reply token is fresh.");
        }
        else if (facts.LineQuotaRemaining is <= 0)
        {
            freeForm = Refused(ReplyType.FreeForm, "The LINE monthly push quota is used up; replies can be sent again when it resets or the plan is raised.");
        }
        else
        {
            var left = facts.LineQuotaRemaining is { } q ? $" ({q.ToString("N0", CultureInfo.InvariantCulture)} left this month)" : "";
            freeForm = Allowed(ReplyType.FreeForm, null, $"Goes as a LINE push message and uses monthly quota{left}.");
        }

        return Decide(freeForm.Allowed ? WindowState.Unlimited : WindowState.Closed, null, null, [freeForm]);
    }

    private static ReplyDecision Comment(ConversationFacts facts, DateTime now)
    {
        var platform = facts.Channel == ChannelKind.Messenger ? "Facebook" : "Instagram";
        var commentAt = facts.CommentAt ?? facts.LastInboundAt;
        var privateEnd = commentAt + PlatformWindows.PrivateReply;

        ReplyOption privateReply = (facts.Channel, privateEnd) switch
        {
            (not (ChannelKind.Messenger or ChannelKind.Instagram), _) => Refused(ReplyType.PrivateReply, "Private replies exist only for Facebook and Instagram comments."),
            (_, null) => Refused(ReplyType.PrivateReply, "The comment's time is unknown, so a private reply cannot be placed in its 7-day window."),
            _ when facts.PrivateReplyUsed => Refused(ReplyType.PrivateReply, $"The one private reply {platform} allows for this comment was already sent."),
            (_, { } end) when now >= end => Refused(ReplyType.PrivateReply, $"The 7-day private reply window for this comment closed at {At(end)}."),
            (_, { } end) => Allowed(ReplyType.PrivateReply, end),
        };

        // Meta: a public answer under a Facebook or Instagram comment has no time limit (docs/platform-rules.md §1–§2).
        List<ReplyOption> options = [privateReply];
        var isMeta = facts.Channel is ChannelKind.Messenger or ChannelKind.Instagram;
        if (isMeta)
        {
            options.Add(Allowed(ReplyType.PublicReply, null));
        }

        var state = privateReply.Allowed ? WindowState.Open
            : isMeta ? WindowState.Unlimited
            : WindowState.Closed;
        return Decide(state, privateEnd, null, options);
    }

    /// <summary>
    /// When the standard window of a direct Messenger, Instagram or WhatsApp conversation ends: 24 h after the customer's
    /// last message, 7 days for a Messenger/Instagram thread started from a click-to-message ad. Null where no such window
    /// applies (LINE, comment threads) or the customer never wrote.
    /// </summary>
    public static DateTime? StandardWindowEnd(ConversationFacts facts) => (facts.Channel, facts.Kind, facts.LastInboundAt) switch
    {
        (_, not ConversationKind.Direct, _) or (_, _, null) => null,
        (ChannelKind.Messenger or ChannelKind.Instagram, _, { } last) => last + (facts.StartedFromAd ? PlatformWindows.StandardFromAd : PlatformWindows.Standard),
        (ChannelKind.WhatsApp, _, { } last) => last + PlatformWindows.Standard,
        _ => null,
    };

    /// <summary>LINE: the conversation holds an unused reply token young enough for the free reply API.</summary>
    public static bool HoldsFreshReplyToken(ConversationFacts facts, DateTime now) =>
        facts.LineReplyTokenAt is { } at && now < at + PlatformWindows.LineReplyToken;

    private static ReplyDecision Decide(WindowState state, DateTime? standardEnd, DateTime? humanEnd, List<ReplyOption> options, bool fromAd = false)
    {
        var suggested = options.Where(o => o.Allowed).Select(o => (ReplyType?)o.Type).Min();
        var name = (state, suggested) switch
        {
            (_, ReplyType.PrivateReply) => "Private reply, 7 d",
            (WindowState.Open, _) => fromAd ? "7 d ad window" : "24 h window",
            (WindowState.HumanAgent, _) => "Human agent, 7 d",
            (WindowState.TemplateOnly, _) => "Templates only",
            (WindowState.Unlimited, _) => "No window",
            _ => "Closed",
        };
        return new(state, standardEnd, humanEnd, options, suggested, name);
    }

    private static ReplyOption Allowed(ReplyType type, DateTime? expiresAt, string? note = null) => new(type, true, expiresAt, null, note);

    private static ReplyOption Refused(ReplyType type, string reason) => new(type, false, null, reason);

    private static string At(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
