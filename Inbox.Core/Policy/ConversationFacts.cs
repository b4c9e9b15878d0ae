using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Core.Policy;

/// <summary>The facts about one conversation and its channel that the platform rules depend on.</summary>
/// <param name="Channel">The platform.</param>
/// <param name="Kind">Direct thread or comment thread.</param>
/// <param name="LastInboundAt">Platform time of the customer's latest message (UTC); null when the customer never wrote.</param>
/// <param name="HumanAgentApproved">The channel's app holds Meta's Human Agent approval.</param>
/// <param name="StartedFromAd">Began from a Click-to-Messenger/Direct ad (7-day standard window).</param>
/// <param name="CommentAt">Comment threads: the comment's time.</param>
/// <param name="PrivateReplyUsed">Comment threads: the one private reply was already sent.</param>
/// <param name="LineReplyTokenAt">LINE: when the unused reply token was received; null when none is held.</param>
/// <param name="LineQuotaRemaining">LINE: push messages left this month; null when unknown or unlimited.</param>
public sealed record ConversationFacts(
    ChannelKind Channel,
    ConversationKind Kind,
    DateTime? LastInboundAt,
    bool HumanAgentApproved = false,
    bool StartedFromAd = false,
    DateTime? CommentAt = null,
    bool PrivateReplyUsed = false,
    DateTime? LineReplyTokenAt = null,
    int? LineQuotaRemaining = null)
{
    /// <summary>
    /// The one place the facts are read: off a conversation loaded with its channel (one query), the channel's
    /// cached LINE push quota included. The inbox list and header, the composer, the REST API, the senders, the
    /// scheduler and the live reports all build their facts here, so they cannot disagree about what may be sent.
    /// (The response-time report asks about past turns, with facts of each turn's own moment.)
    /// </summary>
    public static ConversationFacts Of(Conversation conversation)
    {
        var channel = conversation.Channel ?? throw new InvalidOperationException("Load the conversation's channel: the policy's facts need it.");
        return new(
            channel.Kind,
            conversation.Kind,
            conversation.LastInboundAt,
            channel.HumanAgentApproved,
            conversation.StartedFromAd,
            conversation.CommentAt,
            conversation.PrivateReplyUsed,
            conversation.LineReplyToken is null ? null : conversation.LineReplyTokenAt,
            channel.Kind == ChannelKind.Line ? channel.LineQuotaRemaining : null);
    }
}
