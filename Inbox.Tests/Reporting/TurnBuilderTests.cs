using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Core.Reporting;

namespace Inbox.Tests.Reporting;

public class TurnBuilderTests
{
    private const double Day = 24 * 60;

    [Fact]
    public void Build_FirstMessageAndReply_IsACountedFirstResponse()
    {
        var turn = Assert.Single(Timeline.On(ChannelKind.Messenger).Customer(0).Agent(4).Build());

        Assert.True(turn.IsFirst);
        Assert.True(turn.Counted);
        Assert.Equal(240, turn.ResponseSeconds);
        Assert.Equal(turn.RespondedAt, turn.EndedAt);
        Assert.Equal(3, turn.AgentId);
    }

    [Fact]
    public void Build_CustomerWritesJustUnder24hAfterLastMessage_IsANextResponseNotCounted()
    {
        var turns = Timeline.On(ChannelKind.Messenger).Customer(0).Agent(10).Customer(10 + Day - 1).Agent(10 + Day + 5).Build();

        Assert.Equal(2, turns.Count);
        Assert.False(turns[1].IsFirst);
        Assert.False(turns[1].Counted);
        Assert.Equal(360, turns[1].ResponseSeconds);
    }

    [Fact]
    public void Build_CustomerWritesAfter24hInWhichNeitherSideWrote_CountsTheMessage()
    {
        var turns = Timeline.On(ChannelKind.Messenger).Customer(0).Agent(10).Customer(10 + Day).Build();

        Assert.True(turns[1].Counted);
    }

    [Fact]
    public void Build_AgentWroteWithinTheLast24h_SilenceIsBrokenAndMessageIsNotCounted()
    {
        // The customer's previous message was 2 days ago, but the agent wrote 1 h ago: neither side was silent for 24 h.
        var turns = Timeline.On(ChannelKind.Messenger).Customer(0).Agent(2 * Day - 60).Customer(2 * Day).Build();

        Assert.False(turns[1].Counted);
    }

    [Fact]
    public void Build_CustomerAddsMessagesWhileWaiting_OneTurnTimedFromTheFirst()
    {
        var turn = Assert.Single(Timeline.On(ChannelKind.WhatsApp).Customer(0).Customer(3).Customer(8).Agent(20).Build());

        Assert.Equal(3, turn.InboundCount);
        Assert.Equal(20 * 60, turn.ResponseSeconds);
        Assert.Equal(Timeline.Start.AddMinutes(8 + Day), turn.WindowClosesAt);
    }

    [Fact]
    public void Build_AutomatedReply_IsNotAResponse()
    {
        var turn = Assert.Single(Timeline.On(ChannelKind.Messenger).Customer(0).Automation(0.1).Agent(30).Build());

        Assert.Equal(30 * 60, turn.ResponseSeconds);
    }

    [Fact]
    public void Build_ReplyNotDelivered_IsNotAResponse()
    {
        var turn = Assert.Single(Timeline.On(ChannelKind.Messenger).Customer(0).Agent(5, status: DeliveryStatus.Failed).Build());

        Assert.Null(turn.RespondedAt);
        Assert.Null(turn.EndedAt);
    }

    [Fact]
    public void Build_NewCountedMessageWhileUnanswered_OldTurnStaysUnansweredAndStopsWaiting()
    {
        var turns = Timeline.On(ChannelKind.Messenger).Customer(0).Customer(2 * Day).Agent(2 * Day + 5).Build();

        Assert.Equal(2, turns.Count);
        Assert.Null(turns[0].RespondedAt);
        Assert.Equal(Timeline.Start.AddMinutes(2 * Day), turns[0].EndedAt);
        Assert.True(turns[1].Counted);
        Assert.Equal(300, turns[1].ResponseSeconds);
    }

    [Fact]
    public void Build_ResolvedWithoutReply_ExcludedFromTheBadgeAsDone()
    {
        var turn = Assert.Single(Timeline.On(ChannelKind.Messenger).Customer(0).Done(60).Build());

        Assert.Equal(BadgeExclusion.Done, turn.Excluded);
        Assert.Equal(Timeline.Start.AddMinutes(60), turn.EndedAt);
    }

    [Fact]
    public void Build_ReceivedWhileClosed_ExcludedAsAwayAndTimedInBusinessHours()
    {
        var turn = Assert.Single(Timeline.On(ChannelKind.Messenger).Customer(0).Agent(600).Build(new ClosedCalendar()));

        Assert.True(turn.ReceivedWhileClosed);
        Assert.Equal(BadgeExclusion.Away, turn.Excluded);
        Assert.Equal(3600, turn.BusinessResponseSeconds);
    }

    [Fact]
    public void Build_NoCalendar_BusinessFiguresUnknown()
    {
        var turn = Assert.Single(Timeline.On(ChannelKind.Messenger).Customer(0).Agent(5).Build());

        Assert.Null(turn.ReceivedWhileClosed);
        Assert.Null(turn.BusinessResponseSeconds);
        Assert.Null(turn.Excluded);
    }

    [Fact]
    public void Build_HumanAgentReplyAfterTheWindow_RecordsTheReplyType()
    {
        var turn = Assert.Single(Timeline.On(ChannelKind.Messenger).Customer(0).Agent(Day + 120, ReplyType.HumanAgentTag).Build());

        Assert.Equal(ReplyType.HumanAgentTag, turn.ResponseType);
        Assert.True(turn.RespondedAt > turn.WindowClosesAt);
    }

    [Fact]
    public void Build_Line_HasNoWindow()
    {
        Assert.Null(Assert.Single(Timeline.On(ChannelKind.Line).Customer(0).Build()).WindowClosesAt);
    }

    /// <summary>Always closed; one business minute per wall-clock 10 minutes.</summary>
    private sealed class ClosedCalendar : IReportingCalendar
    {
        public bool IsConfigured => true;

        public bool? IsClosed(int channelId, DateTime at) => true;

        public TimeSpan? BusinessTime(int channelId, DateTime from, DateTime to) => (to - from) / 10;
    }
}
