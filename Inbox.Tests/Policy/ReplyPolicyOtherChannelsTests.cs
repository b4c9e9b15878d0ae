using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using static Inbox.Tests.Policy.Facts;

namespace Inbox.Tests.Policy;

/// <summary>WhatsApp, LINE, comment threads, echoes and the clock (docs/platform-rules.md §1–§2).</summary>
public class ReplyPolicyOtherChannelsTests
{
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
        Assert.True(decision.Allows(ReplyType.PublicReply));
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
    [InlineData(ChannelKind.Messenger, 7 * Day)]
    [InlineData(ChannelKind.Messenger, 7 * Day + Second)]
    [InlineData(ChannelKind.Messenger, 60 * Day)]
    [InlineData(ChannelKind.Instagram, 7 * Day)]
    [InlineData(ChannelKind.Instagram, 7 * Day + Second)]
    [InlineData(ChannelKind.Instagram, 60 * Day)]
    public void Evaluate_CommentAfter7Days_SuggestsPublicReply(ChannelKind channel, int secondsAgo)
    {
        var decision = ReplyPolicy.Evaluate(Facts.Comment(channel, secondsAgo), Now, SenderKind.Human);

        Assert.False(decision.Allows(ReplyType.PrivateReply));
        Assert.Contains("7-day private reply window for this comment closed", decision.For(ReplyType.PrivateReply)!.Reason);
        Assert.True(decision.Allows(ReplyType.PublicReply));
        Assert.Null(decision.For(ReplyType.PublicReply)!.ExpiresAt);
        Assert.Equal(ReplyType.PublicReply, decision.Suggested);
        Assert.Equal(WindowState.Unlimited, decision.State);
    }

    [Fact]
    public void Evaluate_InstagramCommentWithinSevenDays_OffersThePrivateReplyAndThePublicOne()
    {
        var decision = ReplyPolicy.Evaluate(Facts.Comment(ChannelKind.Instagram, Day), Now, SenderKind.Human);

        Assert.Equal([(ReplyType.PrivateReply, true), (ReplyType.PublicReply, true)], decision.Options.Select(o => (o.Type, o.Allowed)));
        Assert.Equal(ReplyType.PrivateReply, decision.Suggested);
    }

    [Fact]
    public void Evaluate_EchoAfterCustomerMessage_WindowStillCountsFromCustomerMessage()
    {
        // Only customer messages move LastInboundAt; our replies and their echoes never extend the window (docs/platform-rules.md §1).
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

        conversation.Channel = channel;
        var facts = ConversationFacts.Of(conversation);
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
        var time = new FakeTimeProvider(new DateTimeOffset(Now.AddSeconds(-1)));
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
}
