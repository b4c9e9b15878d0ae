using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary><c>GET /api/conversations/{id}</c>: the conversation, what may be sent now, and its messages.</summary>
public sealed record ConversationDetailDto(
    int Id,
    ConversationKind Kind,
    ChannelRef Channel,
    ContactRef Contact,
    ConversationStatus Status,
    AgentRef? Assignee,
    DateTime? LastInboundAt,
    WindowDto Window,
    ReplyType? SuggestedReplyType,
    IReadOnlyList<ReplyOptionDto> ReplyOptions,
    IReadOnlyList<MessageDto> Messages)
{
    public static ConversationDetailDto Of(Conversation c, ReplyDecision decision, PhraseText say) => new(
        c.Id, c.Kind, new ChannelRef(c.Channel!.Key, c.Channel.Kind), new ContactRef(c.Contact!.Id, c.Contact.Name, c.Contact.ExternalId, c.Contact.Phone, c.Contact.Username),
        c.Status, c.Assignee is { } a ? new AgentRef(a.Id, a.Name) : null, c.LastInboundAt,
        WindowDto.Of(decision, say), decision.Suggested,
        decision.Options.Select(o => ReplyOptionDto.Of(o, say)).ToList(),
        c.Messages.Select(MessageDto.Of).ToList());
}
