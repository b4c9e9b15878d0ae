using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Policy;

/// <summary>The platform windows of shared DOMAIN.md §1–§2, channel by channel, at and around each boundary.</summary>
public class ReplyPolicyTests
{
    private const int Second = 1;
    private const int Hour = 3600;
    private const int Day = 24 * Hour;

    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

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

        // Comments: one private reply within 7 d; Facebook also allows a public reply at any time.
        new("Facebook comment, 1 d", Facts.Comment(ChannelKind.Messenger, Day), WindowState.Open, ReplyType.PrivateReply, "Private reply, 7 d", Now.AddDays(6)),
        new("Facebook comment, 7 d - 1 s", Facts.Comment(ChannelKind.Messenger, 7 * Day - Second), WindowState.Open, ReplyType.PrivateReply, "Private reply, 7 d", Now.AddSeconds(1)),
        new("Facebook comment, 7 d + 1 s", Facts.Comment(ChannelKind.Messenger, 7 * Day + Second), WindowState.Unlimited, ReplyType.PublicReply, "No window", null),
        new("Facebook comment, private reply used", Facts.Comment(ChannelKind.Messenger, Day, privateReplyUsed: true), WindowState.Unlimited, ReplyType.PublicReply, "No window", null),
        new("Instagram comment, 1 d", Facts.Comment(ChannelKind.Instagram, Day), WindowState.Open, ReplyType.PrivateReply, "Private reply, 7 d", Now.AddDays(6)),
        new("Instagram comment, 7 d - 1 s", Facts.Comment(ChannelKind.Instagram, 7 * Day - Second), WindowState.Open, ReplyType.PrivateReply, "Private reply, 7 d", Now.AddSeconds(1)),
        new("Instagram comment, 7 d + 1 s", Facts.Comment(ChannelKind.Instagram, 7 * Day + Second), WindowState.Closed, null, "Closed", null),
        new("Instagram comment, private reply used", Facts.Comment(ChannelKind.Instagram, Day, privateReplyUsed: true), WindowState.Closed, null, "Closed", null),
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

    [Theory]
    [InlineData(ChannelKind.Messenger, 0)]
    [InlineData(ChannelKind.Messenger, 23 * Hour)]
    [InlineData(ChannelKind.Messenger, Day - Second)]
    [InlineData(ChannelKind.Instagram, Day - Second)]
    public void Evaluate_HumanAgentTagInsideStandardWindow_RefusedAndFreeFormSuggested(ChannelKind channel, int secondsAgo)
    {
        var facts = Facts.Direct(channel, secondsAgo);

        var decision = ReplyPolicy.Evaluate(facts, Now, SenderKind.Human);

        var tag = Assert.IsType<ReplyOption>(decision.For(ReplyType.HumanAgentTag));
        Assert.False(tag.Allowed);
        Assert.Null(tag.ExpiresAt);
        Assert.Contains("policy", tag.Reason);
        Assert.Equal(ReplyType.FreeForm, decision.Suggested);
        Assert.Equal(facts.LastInboundAt + TimeSpan.FromHours(24), decision.For(ReplyType.FreeForm)!.ExpiresAt);
        Assert.Equal(facts.LastInboundAt + TimeSpan.FromHours(24), decision.StandardClosesAt);
        Assert.Equal(facts.LastInboundAt + TimeSpan.FromDays(7), decision.HumanAgentClosesAt);
    }

    [Theory]
    [InlineData(ChannelKind.Messenger, Day)]
    [InlineData(ChannelKind.Messenger, Day + Second)]
    [InlineData(ChannelKind.Messenger, 7 * Day - Second)]
    [InlineData(ChannelKind.Instagram, Day)]
    [InlineData(ChannelKind.Instagram, 7 * Day - Second)]
    public void Evaluate_ApprovedChannelAfter24h_AllowsHumanAgentTagUntil7Days(ChannelKind channel, int secondsAgo)
    {
        var facts = Facts.Direct(channel, secondsAgo);

        var decision = ReplyPolicy.Evaluate(facts, Now, SenderKind.Human);

        var freeForm = decision.For(ReplyType.FreeForm)!;
        Assert.False(freeForm.Allowed);
        Assert.Null(freeForm.ExpiresAt);
        Assert.Contains("24-hour window closed at", freeForm.Reason);
        Assert.True(decision.Allows(ReplyType.HumanAgentTag));
        Assert.Equal(facts.LastInboundAt + TimeSpan.FromDays(7), decision.For(ReplyType.HumanAgentTag)!.ExpiresAt);
        Assert.Equal(WindowState.HumanAgent, decision.State);
    }

    [Theory]
    [InlineData(ChannelKind.Messenger, 7 * Day)]
    [InlineData(ChannelKind.Messenger, 7 * Day + Second)]
    [InlineData(ChannelKind.Instagram, 7 * Day + Second)]
    public void Evaluate_MetaDirectAfter7Days_RefusesEverythingUntilCustomerWrites(ChannelKind channel, int secondsAgo)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Direct(channel, secondsAgo), Now, SenderKind.Human);

        Assert.Equal(WindowState.Closed, decision.State);
        Assert.All(decision.Options, o => Assert.False(o.Allowed));
        Assert.Contains("nothing can be sent", decision.For(ReplyType.FreeForm)!.Reason);
        Assert.Contains("7-day human agent window closed", decision.For(ReplyType.HumanAgentTag)!.Reason);
        Assert.Null(decision.Suggested);
    }

    [Theory]
    [InlineData(ChannelKind.Messenger, Day)]
    [InlineData(ChannelKind.Messenger, 3 * Day)]
    [InlineData(ChannelKind.Instagram, Day + Second)]
    public void Evaluate_UnapprovedChannelAfter24h_RefusesHumanAgentTagForLackOfApproval(ChannelKind channel, int secondsAgo)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Direct(channel, secondsAgo, approved: false), Now, SenderKind.Human);

        Assert.Equal(WindowState.Closed, decision.State);
        Assert.False(decision.Allows(ReplyType.HumanAgentTag));
        Assert.Contains("approval", decision.For(ReplyType.HumanAgentTag)!.Reason);
        Assert.Null(decision.Suggested);
        Assert.Equal("Closed", decision.WindowName);

        // The free-form refusal must not send the agent towards a tag the channel cannot use.
        var freeForm = decision.For(ReplyType.FreeForm)!.Reason;
        Assert.DoesNotContain("only a HUMAN_AGENT-tagged reply can be sent", freeForm);
        Assert.Contains("not possible either", freeForm);
    }

    [Theory]
    [InlineData(ChannelKind.Messenger)]
    [InlineData(ChannelKind.Instagram)]
    public void Evaluate_AutomationAfter24hOnApprovedChannel_RefusesHumanAgentTag(ChannelKind channel)
    {
        var facts = Facts.Direct(channel, 25 * Hour);

        var automated = ReplyPolicy.Evaluate(facts, Now, SenderKind.Automation);
        var human = ReplyPolicy.Evaluate(facts, Now, SenderKind.Human);

        Assert.False(automated.Allows(ReplyType.HumanAgentTag));
        Assert.Contains("automated", automated.For(ReplyType.HumanAgentTag)!.Reason);
        Assert.Null(automated.Suggested);
        Assert.True(human.Allows(ReplyType.HumanAgentTag));
    }

    [Theory]
    [InlineData(ChannelKind.Messenger, Day)]
    [InlineData(ChannelKind.Messenger, 7 * Day - Second)]
    [InlineData(ChannelKind.Instagram, 2 * Day)]
    public void Evaluate_StartedFromAdWithin7Days_AllowsFreeFormAndNoTag(ChannelKind channel, int secondsAgo)
    {
        var facts = Facts.Direct(channel, secondsAgo, fromAd: true);

        var decision = ReplyPolicy.Evaluate(facts, Now, SenderKind.Human);

        Assert.Equal(WindowState.Open, decision.State);
        Assert.Equal(facts.LastInboundAt + TimeSpan.FromDays(7), decision.For(ReplyType.FreeForm)!.ExpiresAt);
        Assert.False(decision.Allows(ReplyType.HumanAgentTag));
        Assert.Equal(ReplyType.FreeForm, decision.Suggested);
    }

    [Theory]
    [InlineData(ChannelKind.Messenger)]
    [InlineData(ChannelKind.Instagram)]
    public void Evaluate_StartedFromAdAfter7Days_RefusesFreeFormWithAdWindowReason(ChannelKind channel)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Direct(channel, 7 * Day + Second, fromAd: true), Now, SenderKind.Human);

        Assert.False(decision.Allows(ReplyType.FreeForm));
        Assert.Contains("7-day ad window closed at 2026-11-21 11:59 UTC", decision.For(ReplyType.FreeForm)!.Reason);
        Assert.False(decision.Allows(ReplyType.HumanAgentTag));
    }

    [Theory]
    [InlineData(ChannelKind.Messenger)]
    [InlineData(ChannelKind.Instagram)]
    public void Evaluate_MetaWithoutCustomerMessage_AllowsNothing(ChannelKind channel)
    {
        var decision = ReplyPolicy.Evaluate(Facts.NeverWrote(channel), Now, SenderKind.Human);

        Assert.Equal(WindowState.Closed, decision.State);
        Assert.All(decision.Options, o => Assert.Contains("has not written", o.Reason));
        Assert.Null(decision.StandardClosesAt);
        Assert.Null(decision.HumanAgentClosesAt);
        Assert.Null(decision.Suggested);
    }

    [Theory]
    [InlineData(23 * Hour)]
    [InlineData(Day - Second)]
    public void Evaluate_WhatsAppInside24h_AllowsFreeFormAndTemplate(int secondsAgo)
    {
        var facts = Facts.WhatsApp(secondsAgo);

        var decision = ReplyPolicy.Evaluate(facts, Now, SenderKind.Human);

        Assert.Equal(facts.LastInboundAt + TimeSpan.FromHours(24), decision.For(ReplyType.FreeForm)!.ExpiresAt);
        Assert.True(decision.Allows(ReplyType.Template));
        Assert.Null(decision.For(ReplyType.Template)!.ExpiresAt);
        Assert.Null(decision.For(ReplyType.HumanAgentTag));
        Assert.Equal(ReplyType.FreeForm, decision.Suggested);
    }

    [Theory]
    [InlineData(Day, "2026-11-21 12:00 UTC")]
    [InlineData(Day + Second, "2026-11-21 11:59 UTC")]
    [InlineData(30 * Day, "2026-10-23 12:00 UTC")]
    public void Evaluate_WhatsAppAfter24h_OffersOnlyTemplate(int secondsAgo, string closedAt)
    {
        var decision = ReplyPolicy.Evaluate(Facts.WhatsApp(secondsAgo), Now, SenderKind.Human);

        Assert.Equal(WindowState.TemplateOnly, decision.State);
        Assert.Equal(ReplyType.Template, decision.Suggested);
        Assert.Null(decision.For(ReplyType.Template)!.ExpiresAt);
        var freeForm = decision.For(ReplyType.FreeForm)!;
        Assert.False(freeForm.Allowed);
        Assert.Contains($"closed at {closedAt}", freeForm.Reason);
        Assert.Contains("only templates", freeForm.Reason);
    }

    [Fact]
    public void Evaluate_WhatsAppAfterExactly24h_ExplainsWhenTheWindowClosed()
    {
        var decision = ReplyPolicy.Evaluate(Facts.WhatsApp(Day), Now, SenderKind.Human);

        Assert.Equal(
            "WhatsApp 24-hour window closed at 2026-11-21 12:00 UTC; only templates can be sent.",
            decision.For(ReplyType.FreeForm)!.Reason);
    }

    [Fact]
    public void Evaluate_WhatsAppWithoutCustomerMessage_OffersOnlyTemplate()
    {
        var decision = ReplyPolicy.Evaluate(Facts.NeverWrote(ChannelKind.WhatsApp), Now, SenderKind.Human);

        Assert.Equal(WindowState.TemplateOnly, decision.State);
        Assert.False(decision.Allows(ReplyType.FreeForm));
        Assert.Contains("has not written", decision.For(ReplyType.FreeForm)!.Reason);
        Assert.True(decision.Allows(ReplyType.Template));
        Assert.Equal(ReplyType.Template, decision.Suggested);
        Assert.Null(decision.StandardClosesAt);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(29, null)]
    [InlineData(29, 0)]
    public void Evaluate_LineWithFreshReplyToken_NotesFreeReply(int tokenAge, int? quota)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Line(tokenAge, quota), Now, SenderKind.Human);

        var freeForm = decision.For(ReplyType.FreeForm)!;
        Assert.True(freeForm.Allowed);
        Assert.Null(freeForm.ExpiresAt);
        Assert.Contains("free LINE reply", freeForm.Note);
        Assert.Equal(ReplyType.FreeForm, decision.Suggested);
    }

    [Theory]
    [InlineData(30, null, "")]
    [InlineData(31, null, "")]
    [InlineData(null, null, "")]
    [InlineData(3600, 5000, " (5,000 left this month)")]
    public void Evaluate_LineWithStaleOrNoReplyToken_NotesPushUsesQuota(int? tokenAge, int? quota, string left)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Line(tokenAge, quota), Now, SenderKind.Human);

        var freeForm = decision.For(ReplyType.FreeForm)!;
        Assert.True(freeForm.Allowed);
        Assert.Equal($"Goes as a LINE push message and uses monthly quota{left}.", freeForm.Note);
        Assert.Equal(WindowState.Unlimited, decision.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(30)]
    [InlineData(2 * Day)]
    public void Evaluate_LineQuotaUsedUpWithoutFreshToken_RefusesFreeForm(int? tokenAge)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Line(tokenAge, quota: 0), Now, SenderKind.Human);

        var freeForm = decision.For(ReplyType.FreeForm)!;
        Assert.False(freeForm.Allowed);
        Assert.Contains("quota", freeForm.Reason);
        Assert.Null(decision.Suggested);
        Assert.Null(decision.Deadline);
    }

    [Theory]
    [InlineData(ChannelKind.Messenger, 0)]
    [InlineData(ChannelKind.Messenger, 7 * Day - Second)]
    [InlineData(ChannelKind.Instagram, 0)]
    [InlineData(ChannelKind.Instagram, 7 * Day - Second)]
    public void Evaluate_CommentWithin7Days_AllowsPrivateReplyUntil7DaysAfterComment(ChannelKind channel, int secondsAgo)
    {
        var facts = Facts.Comment(channel, secondsAgo);

        var decision = ReplyPolicy.Evaluate(facts, Now, SenderKind.Human);

        Assert.Equal(facts.CommentAt + TimeSpan.FromDays(7), decision.For(ReplyType.PrivateReply)!.ExpiresAt);
        Assert.Equal(ReplyType.PrivateReply, decision.Suggested);
        Assert.Equal(channel == ChannelKind.Messenger, decision.Allows(ReplyType.PublicReply));
    }

    [Theory]
    [InlineData(ChannelKind.Messenger)]
    [InlineData(ChannelKind.Instagram)]
    public void Evaluate_SecondPrivateReply_RefusedWithReason(ChannelKind channel)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Comment(channel, Hour, privateReplyUsed: true), Now, SenderKind.Human);

        var privateReply = decision.For(ReplyType.PrivateReply)!;
        Assert.False(privateReply.Allowed);
        Assert.Contains("already sent", privateReply.Reason);
    }

    [Theory]
    [InlineData(7 * Day)]
    [InlineData(7 * Day + Second)]
    [InlineData(60 * Day)]
    public void Evaluate_FacebookCommentAfter7Days_SuggestsPublicReply(int secondsAgo)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Comment(ChannelKind.Messenger, secondsAgo), Now, SenderKind.Human);

        Assert.False(decision.Allows(ReplyType.PrivateReply));
        Assert.Contains("7-day private reply window for this comment closed", decision.For(ReplyType.PrivateReply)!.Reason);
        Assert.True(decision.Allows(ReplyType.PublicReply));
        Assert.Null(decision.For(ReplyType.PublicReply)!.ExpiresAt);
        Assert.Equal(ReplyType.PublicReply, decision.Suggested);
        Assert.Equal(WindowState.Unlimited, decision.State);
    }

    [Theory]
    [InlineData(7 * Day)]
    [InlineData(7 * Day + Second)]
    public void Evaluate_InstagramCommentAfter7Days_AllowsNothing(int secondsAgo)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Comment(ChannelKind.Instagram, secondsAgo), Now, SenderKind.Human);

        Assert.All(decision.Options, o => Assert.False(o.Allowed));
        Assert.Null(decision.For(ReplyType.PublicReply));
        Assert.Equal(WindowState.Closed, decision.State);
        Assert.Null(decision.Suggested);
    }

    [Fact]
    public void Evaluate_EchoAfterCustomerMessage_WindowStillCountsFromCustomerMessage()
    {
        // Only customer messages move LastInboundAt; our replies and their echoes never extend the window (DOMAIN.md §1).
        var customerWrote = Now.AddHours(-25);
        var channel = new Channel { Key = "acme-fb", Kind = ChannelKind.Messenger, Name = "Acme", ExternalId = "1001", HumanAgentApproved = true };
        var conversation = new Conversation
        {
            Channel = channel,
            Kind = ConversationKind.Direct,
            LastInboundAt = customerWrote,
            LastMessageAt = Now.AddHours(-1),
            Messages =
            [
                new() { Direction = MessageDirection.Inbound, Author = MessageAuthor.Customer, Text = "Where is my order?", SentAt = customerWrote },
                new() { Direction = MessageDirection.Outbound, Author = MessageAuthor.Agent, Text = "Checking now.", SentAt = Now.AddHours(-2) },
                new() { Direction = MessageDirection.Outbound, Author = MessageAuthor.Echo, Text = "Sent from the Page.", SentAt = Now.AddHours(-1) },
            ],
        };

        var facts = ConversationFacts.Of(conversation, channel);
        var decision = ReplyPolicy.Evaluate(facts, Now, SenderKind.Human);

        Assert.Equal(customerWrote, facts.LastInboundAt);
        Assert.Equal(customerWrote.AddHours(24), decision.StandardClosesAt);
        Assert.False(decision.Allows(ReplyType.FreeForm));
        Assert.Equal(WindowState.HumanAgent, decision.State);
        Assert.Equal(customerWrote.AddDays(7), decision.Deadline);
    }

    [Fact]
    public void Evaluate_ClockReaches24h_ClosesStandardWindow()
    {
        var time = new FakeTime(new DateTimeOffset(Now.AddSeconds(-1)));
        var policy = new ReplyPolicy(time);
        var facts = Facts.Messenger(Day); // the customer wrote exactly 24 h before Now; the clock starts one second short of it

        var before = policy.Evaluate(facts);
        time.Advance(TimeSpan.FromSeconds(1));
        var after = policy.Evaluate(facts);

        Assert.Equal(WindowState.Open, before.State);
        Assert.Equal(ReplyType.FreeForm, before.Suggested);
        Assert.Equal(WindowState.HumanAgent, after.State);
        Assert.Equal(ReplyType.HumanAgentTag, after.Suggested);
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

    /// <summary>Conversation facts at a given age, measured back from <see cref="Now"/> in seconds.</summary>
    private static class Facts
    {
        public static ConversationFacts Direct(ChannelKind channel, int secondsAgo, bool approved = true, bool fromAd = false) =>
            new(channel, ConversationKind.Direct, Ago(secondsAgo), HumanAgentApproved: approved, StartedFromAd: fromAd);

        public static ConversationFacts Messenger(int secondsAgo, bool approved = true, bool fromAd = false) =>
            Direct(ChannelKind.Messenger, secondsAgo, approved, fromAd);

        public static ConversationFacts Instagram(int secondsAgo, bool approved = true, bool fromAd = false) =>
            Direct(ChannelKind.Instagram, secondsAgo, approved, fromAd);

        public static ConversationFacts WhatsApp(int secondsAgo) => Direct(ChannelKind.WhatsApp, secondsAgo, approved: false);

        public static ConversationFacts NeverWrote(ChannelKind channel) =>
            new(channel, ConversationKind.Direct, LastInboundAt: null, HumanAgentApproved: true);

        /// <summary>A LINE thread whose customer wrote <paramref name="tokenAge"/> seconds ago (null: no unused reply token held).</summary>
        public static ConversationFacts Line(int? tokenAge, int? quota = null) => new(
            ChannelKind.Line,
            ConversationKind.Direct,
            Ago(tokenAge ?? 3 * Day),
            LineReplyTokenAt: tokenAge is { } age ? Ago(age) : null,
            LineQuotaRemaining: quota);

        /// <summary>A comment thread; <see cref="ChannelKind.Messenger"/> stands for a Facebook comment.</summary>
        public static ConversationFacts Comment(ChannelKind channel, int secondsAgo, bool privateReplyUsed = false) => new(
            channel,
            ConversationKind.Comment,
            Ago(secondsAgo),
            CommentAt: Ago(secondsAgo),
            PrivateReplyUsed: privateReplyUsed);

        private static DateTime Ago(int seconds) => Now.AddSeconds(-seconds);
    }
}
