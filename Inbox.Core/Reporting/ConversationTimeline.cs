using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Core.Reporting;

/// <summary>One conversation's messages in time order, with the conversation facts its turns are attributed with.</summary>
/// <param name="DoneAt">When the conversation was marked resolved, if it is resolved now.</param>
public sealed record ConversationTimeline(
    int ConversationId,
    int ChannelId,
    ChannelKind ChannelKind,
    ConversationKind Kind,
    bool StartedFromAd,
    int? TeamId,
    int? AssigneeId,
    DateTime? DoneAt,
    IReadOnlyList<TimelineMessage> Messages);
