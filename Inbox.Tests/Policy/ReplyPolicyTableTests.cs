using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using static Inbox.Tests.Policy.Facts;

namespace Inbox.Tests.Policy;

/// <summary>Every channel and window state at and around each boundary, as one table (docs/platform-rules.md §1–§2).</summary>
public class ReplyPolicyTableTests
{
    public static TheoryData<WindowCase> EveryChannelAndState => new()
    {
        // Messenger / Instagram Direct: 24 h free-form, then HUMAN_AGENT until 7 d (approved channels only), then nothing.
        new("Messenger, 23 h", Facts.Messenger(23 * Hour), WindowState.Open, ReplyType.FreeForm, "24 h window", Now.AddHours(1)),
        new("Messenger, 24 h - 1 s", Facts.Messenger(Day - Second), WindowState.Open, ReplyType.FreeForm, "24 h window", Now.AddSeconds(1)),
        new("Messenger, exactly 24 h", Facts.Messenger(Day), WindowState.HumanAgent, ReplyType.HumanAgentTag, "Human agent, 7 d", Now.AddDays(6)),
        new("Messenger, 7 d - 1 s", Facts.Messenger(7 * Day - Second), WindowState.HumanAgent, ReplyType.HumanAgentTag, "Human agent, 7 d", Now.AddSeconds(1)),
        new("Messenger, exactly 7 d", Facts.Messenger(7 * Day), WindowState.Closed, null, "Closed", null),
        new("Messenger, 7 d + 1 s", Facts.Messenger(7 * Day + Second), WindowState.Closed, null, "Closed", null),
        new("Messenger, 25 h, unapproved", Facts.Messenger(25 * Hour, approved: false), WindowState.Closed, null, "Closed", null),
        new("Messenger, 25 h, automation", Facts.Messenger(25 * Hour), WindowState.HumanAgent, null, "Human agent, 7 d", null, SenderKind.Automation),
        new("Messenger, never wrote", Facts.NeverWrote(ChannelKind.Messenger), WindowState.Closed, null, "Closed", null),
        new("Instagram, 23 h", Facts.Instagram(23 * Hour), WindowState.Open, ReplyType.FreeForm, "24 h window", Now.AddHours(1)),
        new("Instagram, exactly 24 h", Facts.Instagram(Day), WindowState.HumanAgent, ReplyType.HumanAgentTag, "Human agent, 7 d", Now.AddDays(6)),
        new("Instagram, 7 d + 1 s", Facts.Instagram(7 * Day + Second), WindowState.Closed, null, "Closed", null),
        new("Instagram, 25 h, unapproved", Facts.Instagram(25 * Hour, approved: false), WindowState.Closed, null, "Closed", null),
        new("Instagram, never wrote", Facts.NeverWrote(ChannelKind.Instagram), WindowState.Closed, null, "Closed", null),

        // Click-to-Messenger / Click-to-Direct ads: the standard window itself lasts 7 d.
        new("Messenger ad, exactly 24 h", Facts.Messenger(Day, fromAd: true), WindowState.Open, ReplyType.FreeForm, "7 d ad window", Now.AddDays(6)),
        new("Messenger ad, 7 d - 1 s", Facts.Messenger(7 * Day - Second, fromAd: true), WindowState.Open, ReplyType.FreeForm, "7 d ad window", Now.AddSeconds(1)),
        new("Messenger ad, 7 d + 1 s", Facts.Messenger(7 * Day + Second, fromAd: true), WindowState.Closed, null, "Closed", null),
        new("Instagram ad, 3 d", Facts.Instagram(3 * Day, fromAd: true), WindowState.Open, ReplyType.FreeForm, "7 d ad window", Now.AddDays(4)),

        // WhatsApp: 24 h free-form, templates any time.
        new("WhatsApp, 23 h", Facts.WhatsApp(23 * Hour), WindowState.Open, ReplyType.FreeForm, "24 h window", Now.AddHours(1)),
        new("WhatsApp, 24 h - 1 s", Facts.WhatsApp(Day - Second), WindowState.Open, ReplyType.FreeForm, "24 h window", Now.AddSeconds(1)),
        new("WhatsApp, exactly 24 h", Facts.WhatsApp(Day), WindowState.TemplateOnly, ReplyType.Template, "Templates only", null),
        new("WhatsApp, 30 d", Facts.WhatsApp(30 * Day), WindowState.TemplateOnly, ReplyType.Template, "Templates only", null),
        new("WhatsApp, never wrote", Facts.NeverWrote(ChannelKind.WhatsApp), WindowState.TemplateOnly, ReplyType.Template, "Templates only", null),

        // LINE: no window, only the push quota.
        new("LINE, fresh token", Facts.Line(tokenAge: 5 * Second), WindowState.Unlimited, ReplyType.FreeForm, "No window", null),
        new("LINE, stale token", Facts.Line(tokenAge: 10 * Day), WindowState.Unlimited, ReplyType.FreeForm, "No window", null),
        new("LINE, quota used up", Facts.Line(tokenAge: null, quota: 0), WindowState.Closed, null, "Closed", null),

        // Comments: one private reply within 7 d, and a public reply at any time.
        new("Facebook comment, 1 d", Facts.Comment(ChannelKind.Messenger, Day), WindowState.Open, ReplyType.PrivateReply, "Private reply, 7 d", Now.AddDays(6)),
        new("Facebook comment, 7 d - 1 s", Facts.Comment(ChannelKind.Messenger, 7 * Day - Second), WindowState.Open, ReplyType.PrivateReply, "Private reply, 7 d", Now.AddSeconds(1)),
        new("Facebook comment, 7 d + 1 s", Facts.Comment(ChannelKind.Messenger, 7 * Day + Second), WindowState.Unlimited, ReplyType.PublicReply, "No window", null),
        new("Facebook comment, private reply used", Facts.Comment(ChannelKind.Messenger, Day, privateReplyUsed: true), WindowState.Unlimited, ReplyType.PublicReply, "No window", null),
        new("Instagram comment, 1 d", Facts.Comment(ChannelKind.Instagram, Day), WindowState.Open, ReplyType.PrivateReply, "Private reply, 7 d", Now.AddDays(6)),
        new("Instagram comment, 7 d - 1 s", Facts.Comment(ChannelKind.Instagram, 7 * Day - Second), WindowState.Open, ReplyType.PrivateReply, "Private reply, 7 d", Now.AddSeconds(1)),
        new("Instagram comment, 7 d + 1 s", Facts.Comment(ChannelKind.Instagram, 7 * Day + Second), WindowState.Unlimited, ReplyType.PublicReply, "No window", null),
        new("Instagram comment, private reply used", Facts.Comment(ChannelKind.Instagram, Day, privateReplyUsed: true), WindowState.Unlimited, ReplyType.PublicReply, "No window", null),
    };

    [Theory]
    [MemberData(nameof(EveryChannelAndState))]
    public void Evaluate_EveryChannelAndBoundary_GivesStateSuggestionAndCountdown(WindowCase c)
    {
        var decision = ReplyPolicy.Evaluate(c.Facts, Now, c.Sender);

        Assert.Equal(c.State, decision.State);
        Assert.Equal(c.Suggested, decision.Suggested);
        Assert.Equal(c.WindowName, decision.WindowName);
        Assert.Equal(c.Deadline, decision.Deadline);
    }

    /// <summary>One row of the channel-by-boundary table; its label is what the test runner shows.</summary>
    public sealed record WindowCase(
        string Label,
        ConversationFacts Facts,
        WindowState State,
        ReplyType? Suggested,
        string WindowName,
        DateTime? Deadline,
        SenderKind Sender = SenderKind.Human)
    {
        public override string ToString() => Label;
    }
}
