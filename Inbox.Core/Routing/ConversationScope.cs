using Inbox.Core.Conversations;

namespace Inbox.Core.Routing;

/// <summary>
/// The conversations one viewer may see, search, open, change and hear about: everything, or those of
/// <see cref="TeamIds"/> plus those assigned to <see cref="AgentId"/>. The one rule behind the inbox, the REST API
/// and the hub; <see cref="ConversationScopes"/> decides which scope a sign-in or an API key gets.
/// </summary>
/// <param name="TeamIds">The teams whose conversations are visible; null: every conversation is.</param>
/// <param name="AgentId">The agent whose assigned conversations are visible whatever their team.</param>
public sealed record ConversationScope(IReadOnlyList<int>? TeamIds, int? AgentId)
{
    /// <summary>Sees every conversation: supervisors, admins, and everyone while agents see all teams.</summary>
    public static readonly ConversationScope Everything = new(null, null);

    /// <summary>True when nothing is hidden.</summary>
    public bool SeesAll => TeamIds is null;

    /// <summary>Narrows a conversation query to this scope (translated to SQL).</summary>
    public IQueryable<Conversation> Apply(IQueryable<Conversation> conversations)
    {
        if (TeamIds is not { } teams)
        {
            return conversations;
        }

        var teamIds = teams.ToArray();
        var agentId = AgentId ?? -1;
        return conversations.Where(c => (c.TeamId != null && teamIds.Contains(c.TeamId.Value)) || c.AssigneeId == agentId);
    }

    /// <summary>Whether a conversation owned by this team and assignee is in scope.</summary>
    public bool Allows(int? teamId, int? assigneeId) =>
        TeamIds is not { } teams
        || (teamId is { } team && teams.Contains(team))
        || (assigneeId is not null && assigneeId == AgentId);
}
