using System.Security.Claims;
using Inbox.Core.Identity;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Routing;

/// <summary>
/// Decides the <see cref="ConversationScope"/> of a sign-in or an API key (<c>Inbox:Routing:AgentsSeeAllTeams</c>)
/// and checks single conversations against it, for the inbox, the REST API and the hub alike.
/// </summary>
public sealed class ConversationScopes(IDbContextFactory<InboxDbContext> contexts, AgentDirectory agents, IOptionsMonitor<RoutingOptions> options)
{
    /// <summary>True while every agent sees every conversation (<c>Inbox:Routing:AgentsSeeAllTeams</c>, the default).</summary>
    public bool AgentsSeeAllTeams => options.CurrentValue.AgentsSeeAllTeams;

    /// <summary>
    /// Everything for supervisors, admins, and everyone while agents see all teams. Otherwise an agent sees their team
    /// and what is assigned to them; an agent API key sees the teams named in its <c>Teams</c>; a login without an
    /// agent record sees nothing.
    /// </summary>
    public async Task<ConversationScope> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (AgentsSeeAllTeams || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
        {
            return ConversationScope.Everything;
        }

        if (user.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.KeyClaim))
        {
            var names = user.FindAll(ApiKeyAuthenticationHandler.TeamClaim).Select(c => c.Value).ToArray();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var teamIds = await db.Teams.Where(t => names.Contains(t.Name)).Select(t => t.Id).ToListAsync(cancellationToken);
            return new ConversationScope(teamIds, null);
        }

        var agent = await agents.ForUserAsync(user, cancellationToken);
        return new ConversationScope(agent?.TeamId is { } team ? [team] : [], agent?.Id);
    }

    /// <summary>Whether the conversation exists and is in <paramref name="scope"/> (true for a scope that sees all).</summary>
    public async Task<bool> AllowsAsync(ConversationScope scope, int conversationId, CancellationToken cancellationToken = default) =>
        scope.SeesAll || (await VisibleAsync(scope, [conversationId], cancellationToken)).Count == 1;

    /// <summary>Whether the attachment's conversation is in <paramref name="scope"/> (true for a scope that sees all).</summary>
    public async Task<bool> AllowsAttachmentAsync(ConversationScope scope, long attachmentId, CancellationToken cancellationToken = default)
    {
        if (scope.SeesAll)
        {
            return true;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversationIds = db.Attachments.Where(a => a.Id == attachmentId).Select(a => a.Message!.ConversationId);
        return await scope.Apply(db.Conversations).AnyAsync(c => conversationIds.Contains(c.Id), cancellationToken);
    }

    /// <summary>Which of <paramref name="conversationIds"/> are in <paramref name="scope"/>.</summary>
    public async Task<IReadOnlySet<int>> VisibleAsync(ConversationScope scope, IReadOnlyCollection<int> conversationIds, CancellationToken cancellationToken = default)
    {
        var ids = conversationIds.Distinct().ToArray();
        if (scope.SeesAll)
        {
            return ids.ToHashSet();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await scope.Apply(db.Conversations).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>
    /// The conversation's team, its assignee and the assignee's own team (who may hear about it), or null when it does
    /// not exist.
    /// </summary>
    public async Task<(int? TeamId, int? AssigneeId, int? AssigneeTeamId)?> OwnerOfAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Conversations.Where(c => c.Id == conversationId)
            .Select(c => new { c.TeamId, c.AssigneeId, AssigneeTeamId = c.Assignee!.TeamId })
            .SingleOrDefaultAsync(cancellationToken);
        return owner is null ? null : (owner.TeamId, owner.AssigneeId, owner.AssigneeTeamId);
    }
}
