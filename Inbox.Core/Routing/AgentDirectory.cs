using System.Security.Claims;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Routing;

/// <summary>
/// The one place that answers "which agent is this?" and "who can take this?": the agent behind a sign-in, every
/// agent with presence and open workload, the teams, and a conversation's assignment with its history.
/// </summary>
public sealed class AgentDirectory(IDbContextFactory<InboxDbContext> contexts, AgentPresence presence)
{
    private static readonly ActivityKind[] AssignmentKinds = [ActivityKind.Assigned, ActivityKind.Unassigned, ActivityKind.TeamAssigned];

    /// <summary>The agent linked to the user's login, or null (an admin without an agent record, an API client).</summary>
    public Task<Agent?> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ForUserIdAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);

    /// <summary>The agent record behind a login (its Identity user id), or null when the login has none.</summary>
    public async Task<Agent?> ForUserIdAsync(string? userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
    }

    /// <summary>The agent of a sign-in account with presence and open workload, or null when the login has no agent record.</summary>
    public async Task<AgentSummary?> SummaryOfUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await ForUserIdAsync(userId, cancellationToken) is not { } agent)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Conversations.CountAsync(c => c.Status == ConversationStatus.Open && c.AssigneeId == agent.Id, cancellationToken);
        return Summary(agent, open);
    }

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

    /// <summary>Every team by name, as (id, name): what the inbox and the business hours page narrow to.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TeamNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return teams.Select(t => (t.Id, t.Name)).ToList();
    }

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

    private AgentSummary Summary(Agent a, int open) =>
        new(a.Id, a.Name, a.Email, a.TeamId, a.Capacity, presence.Of(a.Id), open, a.Away, a.LastSeenAt);
}
