using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>A row of <c>GET /api/conversations</c>.</summary>
public sealed record ConversationSummaryDto(
    int Id,
    ConversationKind Kind,
    ChannelRef Channel,
    ContactRef Contact,
    ConversationStatus Status,
    AgentRef? Assignee,
    DateTime? LastInboundAt,
    DateTime? LastMessageAt,
    string? LastMessagePreview,
    int UnreadCount,
    WindowDto Window,
    ReplyType? SuggestedReplyType,
    DateTime? Deadline)
{
    public static ConversationSummaryDto Of(ConversationSummary row, ReplyDecision decision, PhraseText say) => new(
        row.Id, row.Kind, new ChannelRef(row.ChannelKey, row.ChannelKind), new ContactRef(row.ContactId, row.ContactName, row.ContactExternalId),
        row.Status, row.AssigneeId is { } id ? new AgentRef(id, row.AssigneeName ?? "") : null,
        row.LastInboundAt, row.LastMessageAt, row.LastMessagePreview, row.UnreadCount,
        WindowDto.Of(decision, say), decision.Suggested, decision.Deadline);
}
