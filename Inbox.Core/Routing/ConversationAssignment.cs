using Inbox.Core.Conversations;

namespace Inbox.Core.Routing;

/// <summary>Who owns a conversation now, and how it came to be so (the assignment entries of its activity log, latest first).</summary>
public sealed record ConversationAssignment(int? AgentId, string? AgentName, int? TeamId, string? TeamName, IReadOnlyList<ConversationActivity> History);
