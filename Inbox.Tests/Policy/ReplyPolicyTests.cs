using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using static Inbox.Tests.Policy.Facts;

namespace Inbox.Tests.Policy;

/// <summary>Messenger and Instagram Direct (docs/platform-rules.md §1–§2): the standard window, HUMAN_AGENT and ad threads.</summary>
public class ReplyPolicyTests
{
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
}
