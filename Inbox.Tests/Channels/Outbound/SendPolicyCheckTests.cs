using Inbox.Core.Channels;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Tests.Channels.Outbound;

public sealed class SendPolicyCheckTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Check_FreeFormInsideWindow_Allows() =>
        Assert.Null(SendPolicyCheck.Check(Send(ChannelKind.Messenger, ReplyType.FreeForm, TimeSpan.FromHours(23)), Now));

    [Fact]
    public void Check_FreeFormAfterWindow_RefusesWindowClosedWithPolicyReason()
    {
        var refusal = SendPolicyCheck.Check(Send(ChannelKind.WhatsApp, ReplyType.FreeForm, TimeSpan.FromHours(24)), Now);

        Assert.Equal(SendFailure.WindowClosed, refusal!.Failure);
        Assert.Contains("only templates can be sent", refusal.Reason);
    }

    [Fact]
    public void Check_HumanAgentTagAfterCustomerWroteAgain_RefusesAsRejected()
    {
        var refusal = SendPolicyCheck.Check(Send(ChannelKind.Messenger, ReplyType.HumanAgentTag, TimeSpan.FromMinutes(5)), Now);

        Assert.Equal(SendFailure.Rejected, refusal!.Failure);
        Assert.Contains("tagging inside it breaks Meta's policy", refusal.Reason);
    }

    [Fact]
    public void Check_HumanAgentTagOnUnapprovedChannel_RefusesHumanAgentNotApproved()
    {
        var send = Send(ChannelKind.Instagram, ReplyType.HumanAgentTag, TimeSpan.FromDays(2));
        send.Channel.HumanAgentApproved = false;

        Assert.Equal(SendFailure.HumanAgentNotApproved, SendPolicyCheck.Check(send, Now)!.Failure);
    }

    [Fact]
    public void Check_HumanAgentTagFromAutomation_Refuses()
    {
        var send = Send(ChannelKind.Messenger, ReplyType.HumanAgentTag, TimeSpan.FromDays(2));
        send.Message.Author = MessageAuthor.Automation;

        Assert.Contains("automated messages may not use it", SendPolicyCheck.Check(send, Now)!.Reason);
    }

    [Fact]
    public void Check_LinePushWithQuotaUsedUp_RefusesQuotaExhausted()
    {
        var send = Send(ChannelKind.Line, ReplyType.FreeForm, TimeSpan.FromDays(40));
        (send.Channel.LineQuotaLimit, send.Channel.LineQuotaUsed) = (200, 200);

        Assert.Equal(SendFailure.QuotaExhausted, SendPolicyCheck.Check(send, Now)!.Failure);
    }

    [Fact]
    public void Check_PrivateReplyClaimedByThisMessage_Allows()
    {
        var send = Send(ChannelKind.Messenger, ReplyType.PrivateReply, TimeSpan.FromDays(6));
        (send.Conversation.Kind, send.Conversation.CommentId, send.Conversation.CommentAt, send.Conversation.PrivateReplyUsed) =
            (ConversationKind.Comment, "c1", Now - TimeSpan.FromDays(6), true);

        Assert.Null(SendPolicyCheck.Check(send, Now));
    }

    [Fact]
    public void Check_TemplateOnMessenger_RefusesAsRejected() =>
        Assert.Equal(SendFailure.Rejected, SendPolicyCheck.Check(Send(ChannelKind.Messenger, ReplyType.Template, TimeSpan.FromHours(1)), Now)!.Failure);

    private static OutboundSend Send(ChannelKind kind, ReplyType type, TimeSpan lastInboundAgo)
    {
        var channel = new Channel { Key = "c", Kind = kind, Name = "C", ExternalId = "1", HumanAgentApproved = true };
        var conversation = new Conversation { Kind = ConversationKind.Direct, LastInboundAt = Now - lastInboundAgo, Channel = channel };
        var message = new Message { Text = "Hi", ReplyType = type, Author = MessageAuthor.Agent, Conversation = conversation };
        return new OutboundSend(message, conversation, channel, "psid");
    }
}
