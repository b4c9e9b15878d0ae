namespace Inbox.Core.Routing;

/// <summary>One team member as auto-assignment sees them at the moment a conversation arrives.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Presence">Only <see cref="Presence.Online"/> agents are given work.</param>
/// <param name="OpenConversations">Open conversations assigned to the agent now.</param>
/// <param name="Capacity">Most open conversations the agent takes; null: no limit.</param>
public sealed record AssignmentCandidate(int AgentId, Presence Presence, int OpenConversations, int? Capacity)
{
    /// <summary>Online and below capacity.</summary>
    public bool Eligible => Presence == Presence.Online && (Capacity is not { } limit || OpenConversations < limit);
}
