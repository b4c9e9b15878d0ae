using Inbox.Core.Channels;
using Inbox.Core.Policy;

namespace Inbox.Core.Conversations;

/// <summary>One row of the inbox: who, where, the latest message, and the facts the countdown is computed from.</summary>
/// <param name="ReopeningWarningAt">Business hours: the customer wrote while closed and the window ends before this opening (null: no warning).</param>
public sealed record ConversationSummary(
    int Id,
    ConversationKind Kind,
    string ChannelKey,
    string ChannelName,
    ChannelKind ChannelKind,
    int ContactId,
    string ContactName,
    string ContactExternalId,
    ConversationStatus Status,
    int? AssigneeId,
    string? AssigneeName,
    DateTime? LastInboundAt,
    DateTime? LastMessageAt,
    string? LastMessagePreview,
    int UnreadCount,
    ConversationFacts Facts,
    DateTime? ReopeningWarningAt = null);
