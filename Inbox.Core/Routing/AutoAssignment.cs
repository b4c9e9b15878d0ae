using Inbox.Core.Events;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Routing;

/// <summary>
/// Gives a new, unassigned conversation to its team and, by the team's mode, to one of its online agents.
/// Channels carry no team of their own: new conversations go to the first team (the default team).
/// </summary>
public sealed class AutoAssignment(
    IDbContextFactory<InboxDbContext> contexts, AgentPresence presence, DomainEvents events, TimeProvider time, ILogger<AutoAssignment> logger)
{
    /// <summary>The actor auto-assignment signs the activity log with.</summary>
    public const string Actor = "Auto-assignment";

    // Two conversations arriving together must not both read the same round-robin position.
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>Routes the conversation if it has no agent yet; returns the agent chosen, or null.</summary>
    public async Task<int?> AssignNewAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await AssignAsync(conversationId, cancellationToken);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<int?> AssignAsync(int conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null || conversation.AssigneeId is not null)
        {
            return null;
        }

        var team = await db.Teams.Include(t => t.Agents)
            .Where(t => conversation.TeamId == null || t.Id == conversation.TeamId)
            .OrderBy(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (team is null || team.AutoAssignMode == AutoAssignMode.Off)
        {
            return null;
        }

        var memberIds = team.Agents.Select(a => a.Id).ToList();
        var open = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null && memberIds.Contains(c.AssigneeId.Value))
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, cancellationToken);
        var candidates = team.Agents.Select(a => new AssignmentCandidate(a.Id, presence.Of(a.Id), open.GetValueOrDefault(a.Id), a.Capacity));
        var chosen = AssignmentRule.Choose(candidates, team.AutoAssignMode, team.LastAssignedAgentId);

        var agent = team.Agents.SingleOrDefault(a => a.Id == chosen);
        conversation.TeamId = team.Id;
        conversation.AssigneeId = agent?.Id;
        team.LastAssignedAgentId = agent?.Id ?? team.LastAssignedAgentId;
        db.Activities.Add(new ConversationActivity
        {
            ConversationId = conversation.Id,
            At = time.GetUtcNow().UtcDateTime,
            Kind = agent is null ? ActivityKind.TeamAssigned : ActivityKind.Assigned,
            Actor = Actor,
            Detail = agent is null
                ? $"Routed to {team.Name}; no online agent with room for it, so it waits unassigned"
                : $"Assigned to {agent.Name} ({team.Name}, {ModeName(team.AutoAssignMode)})",
        });
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ConversationUpdated(conversation.Id, ConversationUpdate.Assignment), cancellationToken);
        if (agent is null)
        {
            logger.LogInformation("Conversation {ConversationId}: no eligible agent in {Team}; left unassigned.", conversation.Id, team.Name);
        }

        return agent?.Id;
    }

    private static string ModeName(AutoAssignMode mode) => mode == AutoAssignMode.RoundRobin ? "round robin" : "least open";
}
