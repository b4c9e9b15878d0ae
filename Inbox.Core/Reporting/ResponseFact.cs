using Inbox.Core.Policy;

namespace Inbox.Core.Reporting;

/// <summary>
/// One customer turn: a customer message that starts a wait for an answer, the messages the customer added before
/// it came, and the first human or API reply. Kept up to date from domain events (never from scans), so every
/// dashboard figure reads this table through covering indexes.
/// </summary>
public class ResponseFact
{
    public long Id { get; set; }

    public int ConversationId { get; set; }

    public int ChannelId { get; set; }

    /// <summary>The conversation's team, as it is now.</summary>
    public int? TeamId { get; set; }

    /// <summary>The agent who wrote the reply; while unanswered, the conversation's assignee.</summary>
    public int? AgentId { get; set; }

    /// <summary>The customer message that opened the turn.</summary>
    public long CustomerMessageId { get; set; }

    /// <summary>Platform time of the message that opened the turn.</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>Platform time of the customer's latest message before the reply: the standard window runs from here.</summary>
    public DateTime LastInboundAt { get; set; }

    /// <summary>Customer messages in the turn.</summary>
    public int InboundCount { get; set; }

    /// <summary>The conversation's first turn: its reply is the first response; later turns get next responses.</summary>
    public bool IsFirst { get; set; }

    /// <summary>Facebook's "counted message" (docs/platform-rules.md §7): a direct message sent after at least 24 h in which neither side wrote.</summary>
    public bool Counted { get; set; }

    /// <summary>Received outside business hours or while set to away; null when no business calendar exists.</summary>
    public bool? ReceivedWhileClosed { get; set; }

    /// <summary>Why the Facebook badge estimate leaves this counted message out, if it does.</summary>
    public BadgeExclusion? Excluded { get; set; }

    /// <summary>When the first human or API reply was sent (automated replies never count).</summary>
    public DateTime? RespondedAt { get; set; }

    /// <summary>Wall-clock seconds from <see cref="ReceivedAt"/> to <see cref="RespondedAt"/>.</summary>
    public int? ResponseSeconds { get; set; }

    /// <summary>The same within business hours; null when no business calendar exists.</summary>
    public int? BusinessResponseSeconds { get; set; }

    public ReplyType? ResponseType { get; set; }

    /// <summary>End of the platform's standard (free-form) window for this turn; null where none applies (LINE, comments).</summary>
    public DateTime? WindowClosesAt { get; set; }

    /// <summary>When the turn stopped waiting: answered, marked done, or superseded by a new counted message. Null while waiting.</summary>
    public DateTime? EndedAt { get; set; }
}
