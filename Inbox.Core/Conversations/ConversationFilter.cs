using Inbox.Core.Channels;
using Inbox.Core.Routing;

namespace Inbox.Core.Conversations;

/// <summary>Which conversations to list. Null members do not filter.</summary>
/// <param name="Status">Only this status.</param>
/// <param name="ChannelKey">Only this channel (its key).</param>
/// <param name="ChannelKind">Only channels of this platform.</param>
/// <param name="AssigneeId">Only conversations assigned to this agent.</param>
/// <param name="ContactExternalId">Only this contact's platform id; on WhatsApp its BSUID or its phone number.</param>
/// <param name="Search">Contact name or message text containing this, ignoring case (SQLite folds ASCII letters only).</param>
/// <param name="SortByExpiry">Soonest window end first instead of latest message first.</param>
/// <param name="Unassigned">Only conversations nobody is assigned to.</param>
/// <param name="TeamId">Only conversations of this team.</param>
/// <param name="ExpiringWithin">Only conversations whose current reply window ends within this time from now.</param>
/// <param name="Scope">Only conversations the viewer may see (<see cref="ConversationScopes"/>); null: all.</param>
public sealed record ConversationFilter(
    ConversationStatus? Status = null,
    string? ChannelKey = null,
    ChannelKind? ChannelKind = null,
    int? AssigneeId = null,
    string? ContactExternalId = null,
    string? Search = null,
    bool SortByExpiry = false,
    bool Unassigned = false,
    int? TeamId = null,
    TimeSpan? ExpiringWithin = null,
    ConversationScope? Scope = null);
