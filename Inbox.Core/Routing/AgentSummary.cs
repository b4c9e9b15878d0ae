namespace Inbox.Core.Routing;

/// <summary>An agent as the assignment menu and the teams page show them.</summary>
/// <param name="Id">The agent.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Sign-in email.</param>
/// <param name="TeamId">The agent's team, if any.</param>
/// <param name="Capacity">Most open conversations auto-assignment gives them; null: no limit.</param>
/// <param name="Presence">Online, away or offline now.</param>
/// <param name="OpenConversations">Open conversations assigned to them now.</param>
/// <param name="Away">The agent's stored choice to take no new work, whether connected or not.</param>
/// <param name="LastSeenAt">When their last browser connection opened or closed.</param>
public sealed record AgentSummary(int Id, string Name, string Email, int? TeamId, int? Capacity, Presence Presence, int OpenConversations, bool Away, DateTime? LastSeenAt);
