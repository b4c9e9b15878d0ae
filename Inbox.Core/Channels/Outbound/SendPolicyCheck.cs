using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Core.Channels.Outbound;

/// <summary>
/// Asks the reply policy again just before a send: a message queued at 23:59:59 must not go out after the
/// window closed. The reply type is never switched; a refused message fails with the policy's reason.
/// </summary>
public static class SendPolicyCheck
{
    /// <summary>Null when the message may be sent now; otherwise why not.</summary>
    public static SendRefusal? Check(OutboundSend send, DateTime now)
    {
        var (message, conversation, channel) = (send.Message, send.Conversation, send.Channel);
        if (message.ReplyType is not { } type)
        {
            return new SendRefusal(SendFailure.Rejected, "The message has no reply type, so it cannot be sent.");
        }

        var facts = ConversationFacts.Of(conversation);
        if (type == ReplyType.PrivateReply)
        {
            // Queueing claimed the comment's one private reply for this very message.
            facts = facts with { PrivateReplyUsed = false };
        }

        var sender = message.Author == MessageAuthor.Automation ? SenderKind.Automation : SenderKind.Human;
        var decision = ReplyPolicy.Evaluate(facts, now, sender);
        return decision.For(type) switch
        {
            { Allowed: true } => null,
            null => new SendRefusal(SendFailure.Rejected, $"A {type} reply does not exist for {channel.Kind} {conversation.Kind} conversations."),
            { } option => new SendRefusal(FailureOf(channel.Kind, type, facts, decision.State), $"Not sent: {option.Reason}"),
        };
    }

    private static SendFailure FailureOf(ChannelKind channel, ReplyType type, ConversationFacts facts, WindowState state) => (channel, type) switch
    {
        (ChannelKind.Line, _) => SendFailure.QuotaExhausted,
        // The customer wrote again after the message was queued: tagging inside the open window breaks Meta's policy.
        (_, ReplyType.HumanAgentTag) when state == WindowState.Open => SendFailure.Rejected,
        (_, ReplyType.HumanAgentTag) when !facts.HumanAgentApproved => SendFailure.HumanAgentNotApproved,
        _ => SendFailure.WindowClosed,
    };
}
