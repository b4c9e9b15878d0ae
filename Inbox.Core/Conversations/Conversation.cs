using Inbox.Core.Channels;
using Inbox.Core.Routing;

namespace Inbox.Core.Conversations;

/// <summary>
/// A thread with one contact on one channel. Besides its messages it keeps the few facts the
/// platform windows are computed from, so the inbox never has to scan messages to draw a countdown.
/// </summary>
public class Conversation
{
    public int Id { get; set; }

    public int ChannelId { get; set; }

    public Channel? Channel { get; set; }

    public int ContactId { get; set; }

    public Contact? Contact { get; set; }

    public ConversationKind Kind { get; set; }

    public ConversationStatus Status { get; set; }

    public int? AssigneeId { get; set; }

    public Agent? Assignee { get; set; }

    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>Platform timestamp of the customer's latest inbound message. Only customer messages move it.</summary>
    public DateTime? LastInboundAt { get; set; }

    /// <summary>The conversation began from a Click-to-Messenger / Click-to-Direct ad: Meta extends the standard window to 7 days.</summary>
    public bool StartedFromAd { get; set; }

    /// <summary>For comment threads: the platform id of the comment.</summary>
    public string? CommentId { get; set; }

    /// <summary>For comment threads: the comment's platform time; the private reply is allowed for 7 days from it.</summary>
    public DateTime? CommentAt { get; set; }

    /// <summary>For comment threads: the single private reply Meta allows has been sent.</summary>
    public bool PrivateReplyUsed { get; set; }

    /// <summary>LINE: the reply token of the latest inbound event; single use and short-lived.</summary>
    public string? LineReplyToken { get; set; }

    public DateTime? LineReplyTokenAt { get; set; }

    public DateTime? LastMessageAt { get; set; }

    public string? LastMessagePreview { get; set; }

    /// <summary>Inbound messages since an agent last opened the conversation.</summary>
    public int UnreadCount { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Business hours: the away message was sent for the closed period that ends at this opening (once per period).</summary>
    public DateTime? AwayOpeningAt { get; set; }

    /// <summary>Business hours: the customer wrote while closed and the standard window ends before this opening; null when no warning stands.</summary>
    public DateTime? ReopeningWarningAt { get; set; }

    /// <summary>When the CSAT question was sent after resolving.</summary>
    public DateTime? CsatAskedAt { get; set; }

    /// <summary>The customer's answer to the CSAT question, 1–5.</summary>
    public int? CsatScore { get; set; }

    /// <summary>
    /// WhatsApp: Meta's Business AI agent holds the conversation (its messages arrive on <c>standby</c>); a reply from
    /// the inbox takes it over (docs/platform-rules.md §4).
    /// </summary>
    public bool MetaAgentActive { get; set; }

    /// <summary>LINE: the <c>markAsReadToken</c> of the customer's newest message (no expiry), for <c>POST /v2/bot/chat/markAsRead</c>.</summary>
    public string? LineMarkAsReadToken { get; set; }

    public List<Message> Messages { get; set; } = [];
}
