using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Localization;

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
            var never = new Phrase("The customer has not written on {0}; a business cannot start the conversation.", platform);
            return Decide(WindowState.Closed, null, null, [Refused(ReplyType.FreeForm, never), Refused(ReplyType.HumanAgentTag, never)]);
        }

        var standardEnd = StandardWindowEnd(facts)!.Value;
        var humanEnd = last + PlatformWindows.HumanAgent;

        ReplyOption humanAgent;
        if (now >= humanEnd)
        {
            humanAgent = Refused(ReplyType.HumanAgentTag, new("The 7-day human agent window closed at {0}; the customer must write again.", humanEnd));
        }
        else if (now < standardEnd)
        {
            // Meta: tagging a message inside the standard window is a policy violation.
            humanAgent = Refused(ReplyType.HumanAgentTag, new("Not needed before {0}: the standard window is open, and tagging inside it breaks Meta's policy.", standardEnd));
        }
        else if (!facts.HumanAgentApproved)
        {
            humanAgent = Refused(ReplyType.HumanAgentTag, new("This channel's app lacks Meta's Human Agent approval, so no reply is possible after the standard window."));
        }
        else if (sender == SenderKind.Automation)
        {
            humanAgent = Refused(ReplyType.HumanAgentTag, new("The HUMAN_AGENT tag is for messages written by a person; automated messages may not use it."));
        }
        else
        {
            humanAgent = Allowed(ReplyType.HumanAgentTag, humanEnd);
        }

        Phrase afterStandard = humanAgent.Allowed
            ? new("only a HUMAN_AGENT-tagged reply can be sent.")
            : now >= humanEnd ? new("nothing can be sent until the customer writes again.")
            : new("a HUMAN_AGENT-tagged reply is not possible either. {0}", humanAgent.Why!);
        var freeForm = now < standardEnd
            ? Allowed(ReplyType.FreeForm, standardEnd)
            : Refused(ReplyType.FreeForm, facts.StartedFromAd
                ? new Phrase("{0} 7-day ad window closed at {1}; {2}", platform, standardEnd, afterStandard)
                : new Phrase("{0} 24-hour window closed at {1}; {2}", platform, standardEnd, afterStandard));

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
                [Refused(ReplyType.FreeForm, new("The customer has not written on WhatsApp; only templates can be sent.")), template]);
        }

        var standardEnd = StandardWindowEnd(facts)!.Value;
        var open = now < standardEnd;
        var freeForm = open
            ? Allowed(ReplyType.FreeForm, standardEnd)
            : Refused(ReplyType.FreeForm, new("WhatsApp 24-hour window closed at {0}; only templates can be sent.", standardEnd));
        return Decide(open ? WindowState.Open : WindowState.TemplateOnly, standardEnd, null, [freeForm, template]);
    }

    private static ReplyDecision Line(ConversationFacts facts, DateTime now)
    {
        // LINE has no window; the reply API is free while the token is fresh, a push counts against the monthly quota.
        ReplyOption freeForm;
        if (HoldsFreshReplyToken(facts, now))
        {
            freeForm = Allowed(ReplyType.FreeForm, null, new("Goes as a free LINE reply while the reply token is fresh."));
        }
        else if (facts.LineQuotaRemaining is <= 0)
        {
            freeForm = Refused(ReplyType.FreeForm, new("The LINE monthly push quota is used up; replies can be sent again when it resets or the plan is raised."));
        }
        else
        {
            freeForm = Allowed(ReplyType.FreeForm, null, facts.LineQuotaRemaining is { } left
                ? new("Goes as a LINE push message and uses monthly quota ({0:N0} left this month).", left)
                : new("Goes as a LINE push message and uses monthly quota."));
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
            (not (ChannelKind.Messenger or ChannelKind.Instagram), _) => Refused(ReplyType.PrivateReply, new("Private replies exist only for Facebook and Instagram comments.")),
            (_, null) => Refused(ReplyType.PrivateReply, new("The comment's time is unknown, so a private reply cannot be placed in its 7-day window.")),
            _ when facts.PrivateReplyUsed => Refused(ReplyType.PrivateReply, new("The one private reply {0} allows for this comment was already sent.", platform)),
            (_, { } end) when now >= end => Refused(ReplyType.PrivateReply, new("The 7-day private reply window for this comment closed at {0}.", end)),
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
            (_, ReplyType.PrivateReply) => new Phrase("Private reply, 7 d"),
            (WindowState.Open, _) => fromAd ? new Phrase("7 d ad window") : new Phrase("24 h window"),
            (WindowState.HumanAgent, _) => new Phrase("Human agent, 7 d"),
            (WindowState.TemplateOnly, _) => new Phrase("Templates only"),
            (WindowState.Unlimited, _) => new Phrase("No window"),
            _ => new Phrase("Closed"),
        };
        return new(state, standardEnd, humanEnd, options, suggested, name);
    }

    private static ReplyOption Allowed(ReplyType type, DateTime? expiresAt, Phrase? note = null) => new(type, true, expiresAt, null, note);

    private static ReplyOption Refused(ReplyType type, Phrase reason) => new(type, false, null, reason);
}
