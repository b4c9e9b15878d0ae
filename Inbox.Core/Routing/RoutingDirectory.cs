using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Routing;

/// <summary>Reads agents, teams and assignments for the assignment menu and the teams page, with live presence.</summary>
public sealed class RoutingDirectory(IDbContextFactory<InboxDbContext> contexts, AgentPresence presence)
{
    private static readonly ActivityKind[] AssignmentKinds = [ActivityKind.Assigned, ActivityKind.Unassigned, ActivityKind.TeamAssigned];

    /// <summary>Every agent, by name, with presence and open workload.</summary>
    public async Task<IReadOnlyList<AgentSummary>> AgentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null)
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, cancellationToken);
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return agents.Select(a => Summary(a, open.GetValueOrDefault(a.Id))).ToList();
    }

    /// <summary>Every team, the default (first) one first.</summary>
    public async Task<IReadOnlyList<TeamSummary>> TeamsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return teams.Select((t, i) => new TeamSummary(t.Id, t.Name, t.AutoAssignMode, i == 0)).ToList();
    }

    /// <summary>The agent of a sign-in account, or null when the login has no agent record.</summary>
    public async Task<AgentSummary?> AgentOfUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (agent is null)
        {
            return null;
        }

        var open = await db.Conversations.CountAsync(c => c.Status == ConversationStatus.Open && c.AssigneeId == agent.Id, cancellationToken);
        return Summary(agent, open);
    }

    private AgentSummary Summary(Agent a, int open) =>
        new(a.Id, a.Name, a.Email, a.TeamId, a.Capacity, presence.Of(a.Id), open, a.Away, a.LastSeenAt);

    /// <summary>The conversation's agent and team with its assignment history, or null when it does not exist.</summary>
    public async Task<ConversationAssignment?> AssignmentOfAsync(int conversationId, int historyLength = 5, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.AssigneeId, AgentName = c.Assignee!.Name, c.TeamId, TeamName = c.Team!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var history = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && AssignmentKinds.Contains(a.Kind))
            .OrderByDescending(a => a.Id)
            .Take(historyLength)
            .ToListAsync(cancellationToken);
        return new ConversationAssignment(owner.AssigneeId, owner.AgentName, owner.TeamId, owner.TeamName, history);
    }
}
