using Inbox.Core.Events;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Routing;

/// <summary>Hands a conversation to a team (or takes it from one), recorded in the activity log like agent assignment.</summary>
public sealed class TeamAssignment(IDbContextFactory<InboxDbContext> contexts, DomainEvents events, TimeProvider time)
{
    /// <summary>Sets the conversation's team; null removes it. The agent assignment is left as it is.</summary>
    public async Task<CommandResult> AssignAsync(int conversationId, int? teamId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.Include(c => c.Team).SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return CommandResult.NotFound($"Conversation {conversationId} does not exist.");
        }

        var team = teamId is { } id ? await db.Teams.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) : null;
        if (teamId is not null && team is null)
        {
            return CommandResult.Invalid($"Team {teamId} does not exist.");
        }

        if (conversation.TeamId != teamId)
        {
            var before = conversation.Team?.Name;
            conversation.TeamId = teamId;
            db.Activities.Add(new ConversationActivity
            {
                ConversationId = conversationId,
                At = time.GetUtcNow().UtcDateTime,
                Kind = ActivityKind.TeamAssigned,
                Actor = actor,
                Detail = team is null ? $"Removed from team {before}" : before is null ? $"Assigned to team {team.Name}" : $"Moved from team {before} to {team.Name}",
            });
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new ConversationUpdated(conversationId, ConversationUpdate.Assignment), cancellationToken);
        }

        return CommandResult.Done();
    }
}
