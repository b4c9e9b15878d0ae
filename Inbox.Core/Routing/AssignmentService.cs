using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Routing;

/// <summary>
/// Every assignment: by hand (the assignment menu, the REST API), to a team, by an agent replying to an unassigned
/// conversation, and automatically for new conversations (by the team's mode, among its online agents). Each is
/// written through <see cref="AssignmentLog"/>, so the activity log reads the same whoever assigned.
/// Channels carry no team of their own: new conversations go to the first team (the default team).
/// </summary>
public sealed class AssignmentService(
    IDbContextFactory<InboxDbContext> contexts, AgentPresence presence, DomainEvents events, TimeProvider time, ILogger<AssignmentService> logger)
{
    /// <summary>The actor auto-assignment signs the activity log with.</summary>
    public const string AutoActor = "Auto-assignment";

    // Two conversations arriving together must not both read the same round-robin position.
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>Assigns the conversation to an agent, or unassigns it when <paramref name="agentId"/> is null.</summary>
    public async Task<CommandResult> AssignAgentAsync(int conversationId, int? agentId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.Include(c => c.Assignee).SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return CommandResult.NotFound(new Phrase("Conversation {0} does not exist.", conversationId));
        }

        var agent = agentId is { } id ? await db.Agents.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        if (agentId is not null && agent is null)
        {
            return CommandResult.Invalid(new Phrase("Agent {0} does not exist.", agentId));
        }

        if (conversation.AssigneeId != agentId)
        {
            AssignmentLog.Agent(db, conversation, conversation.Assignee?.Name, agent, actor, Now);
            await SaveAndTellAsync(db, conversationId, cancellationToken);
        }

        return CommandResult.Done();
    }

    /// <summary>Sets the conversation's team; null removes it. The agent assignment is left as it is.</summary>
    public async Task<CommandResult> AssignTeamAsync(int conversationId, int? teamId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.Include(c => c.Team).SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return CommandResult.NotFound(new Phrase("Conversation {0} does not exist.", conversationId));
        }

        var team = teamId is { } id ? await db.Teams.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) : null;
        if (teamId is not null && team is null)
        {
            return CommandResult.Invalid(new Phrase("Team {0} does not exist.", teamId));
        }

        if (conversation.TeamId != teamId)
        {
            AssignmentLog.Team(db, conversation, conversation.Team?.Name, team, actor, Now);
            await SaveAndTellAsync(db, conversationId, cancellationToken);
        }

        return CommandResult.Done();
    }

    /// <summary>
    /// An agent who answers an unassigned conversation takes it, so no one else answers it too. Runs in the reply's own
    /// unit of work (<paramref name="db"/>, which the caller saves), so the reply and the assignment are stored together.
    /// </summary>
    public static async Task SelfAssignAsync(InboxDbContext db, Conversation conversation, int agentId, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken) is { } agent)
        {
            AssignmentLog.Agent(db, conversation, null, agent, agent.Name, now, new Phrase("on replying"));
        }
    }

    /// <summary>Routes a new conversation to its team and one of the team's online agents if it has no agent yet; returns the agent chosen, or null.</summary>
    public async Task<int?> AssignNewAsync(int conversationId, CancellationToken cancellationToken = default) =>
        (await AssignNewAsync([conversationId], cancellationToken)).GetValueOrDefault(conversationId);

    /// <summary>
    /// Routes new conversations, in the order they started (by id), as <see cref="AssignNewAsync(int, CancellationToken)"/>
    /// would one after another, but with one read of the conversations, the teams and their agents' open counts, and one
    /// save: a webhook batch's first contacts are routed together. Returns the agent chosen for each conversation given an agent.
    /// </summary>
    public async Task<Dictionary<int, int?>> AssignNewAsync(IReadOnlyCollection<int> conversationIds, CancellationToken cancellationToken = default)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RouteAsync(conversationIds, cancellationToken);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<Dictionary<int, int?>> RouteAsync(IReadOnlyCollection<int> conversationIds, CancellationToken cancellationToken)
    {
        var chosen = new Dictionary<int, int?>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversations = await db.Conversations.Include(c => c.Team)
            .Where(c => conversationIds.Contains(c.Id) && c.AssigneeId == null)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        if (conversations.Count == 0)
        {
            return chosen;
        }

        // Teams are few; a new conversation without a team goes to the first (the default team).
        var teams = await db.Teams.Include(t => t.Agents).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var memberIds = teams.SelectMany(t => t.Agents).Select(a => a.Id).Distinct().ToList();
        var open = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null && memberIds.Contains(c.AssigneeId.Value))
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, cancellationToken);
        foreach (var conversation in conversations)
        {
            var team = teams.FirstOrDefault(t => conversation.TeamId == null || t.Id == conversation.TeamId);
            if (team is null || team.AutoAssignMode == AutoAssignMode.Off)
            {
                continue;
            }

            var candidates = team.Agents.Select(a => new AssignmentCandidate(a.Id, presence.Of(a.Id), open.GetValueOrDefault(a.Id), a.Capacity));
            var agent = team.Agents.SingleOrDefault(a => a.Id == AssignmentRule.Choose(candidates, team.AutoAssignMode, team.LastAssignedAgentId));
            if (agent is null)
            {
                AssignmentLog.Team(db, conversation, conversation.Team?.Name, team, AutoActor, Now, new Phrase("(no online agent with room for it, so it waits unassigned)"));
                logger.LogInformation("Conversation {ConversationId}: no eligible agent in {Team}; left unassigned.", conversation.Id, team.Name);
            }
            else
            {
                conversation.TeamId = team.Id;
                team.LastAssignedAgentId = agent.Id;
                AssignmentLog.Agent(db, conversation, null, agent, AutoActor, Now, new Phrase("({0}, {1})", team.Name, ModeName(team.AutoAssignMode)));
                if (conversation.Status == ConversationStatus.Open)
                {
                    open[agent.Id] = open.GetValueOrDefault(agent.Id) + 1;
                }
            }

            chosen[conversation.Id] = agent?.Id;
        }

        if (chosen.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAllAsync([.. chosen.Keys.Select(id => new ConversationUpdated(id, ConversationUpdate.Assignment))], cancellationToken);
        }

        return chosen;
    }

    private async Task SaveAndTellAsync(InboxDbContext db, int conversationId, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ConversationUpdated(conversationId, ConversationUpdate.Assignment), cancellationToken);
    }

    private static Phrase ModeName(AutoAssignMode mode) => mode == AutoAssignMode.RoundRobin ? new Phrase("round robin") : new Phrase("least open");
}
