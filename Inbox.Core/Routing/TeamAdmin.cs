using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Routing;

/// <summary>The admin's team editor: names, members, auto-assignment mode and agent capacities. Every change is audited with who made it.</summary>
public sealed class TeamAdmin(IDbContextFactory<InboxDbContext> contexts, AuditLog audit)
{
    /// <summary>The team as an editable form, listing every agent; null when it does not exist.</summary>
    public async Task<TeamSettings?> EditAsync(int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return null;
        }

        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return new TeamSettings
        {
            Id = team.Id,
            Name = team.Name,
            Mode = team.AutoAssignMode,
            Members = agents.Select(a => new TeamMemberSetting { AgentId = a.Id, Name = a.Name, Member = a.TeamId == team.Id, Capacity = a.Capacity }).ToList(),
        };
    }

    /// <summary>Adds an empty team with auto-assignment off.</summary>
    public async Task<CommandResult> CreateAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await CheckNameAsync(db, 0, name, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        db.Teams.Add(new Team { Name = name.Trim() });
        audit.Add(db, actor, "team.created", $"team {name.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done();
    }

    /// <summary>Saves the edit. Checking an agent moves them here from any other team; unchecking one leaves them without a team.</summary>
    public async Task<CommandResult> SaveAsync(TeamSettings settings, string actor, CancellationToken cancellationToken = default)
    {
        if (settings.Members.FirstOrDefault(m => m.Capacity is < 1) is { } wrong)
        {
            return CommandResult.Invalid(new Phrase("{0}'s capacity must be at least 1, or empty for no limit.", wrong.Name));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == settings.Id, cancellationToken);
        if (team is null)
        {
            return CommandResult.NotFound(new Phrase("Team {0} does not exist.", settings.Id));
        }

        if (await CheckNameAsync(db, team.Id, settings.Name, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (oldName, target) = (team.Name, $"team {settings.Name.Trim()}");
        var (members, updates) = (new AuditChanges(), new AuditChanges().Compare("auto-assign", team.AutoAssignMode, settings.Mode));
        team.Name = settings.Name.Trim();
        team.AutoAssignMode = settings.Mode;
        var teamNames = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var edits = settings.Members.ToDictionary(m => m.AgentId);
        foreach (var agent in await db.Agents.Where(a => edits.Keys.Contains(a.Id)).OrderBy(a => a.Name).ToListAsync(cancellationToken))
        {
            var edit = edits[agent.Id];
            updates.Compare($"{agent.Name}'s capacity", agent.Capacity, edit.Capacity);
            var newTeamId = edit.Member ? team.Id : agent.TeamId == team.Id ? null : agent.TeamId;
            if (newTeamId == team.Id && agent.TeamId != team.Id)
            {
                members.Note(agent.TeamId is { } from ? $"added {agent.Name} (moved from {teamNames.GetValueOrDefault(from)})" : $"added {agent.Name}");
            }
            else if (newTeamId != team.Id && agent.TeamId == team.Id)
            {
                members.Note($"removed {agent.Name}");
            }

            agent.Capacity = edit.Capacity;
            agent.TeamId = newTeamId;
        }

        if (oldName != team.Name)
        {
            audit.Add(db, actor, "team.renamed", target, new AuditChanges().Compare("name", oldName, team.Name).ToString());
        }

        if (members.Any)
        {
            audit.Add(db, actor, "team.members_changed", target, members.ToString());
        }

        if (updates.Any)
        {
            audit.Add(db, actor, "team.updated", target, updates.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done();
    }

    private static async Task<CommandResult?> CheckNameAsync(InboxDbContext db, int teamId, string name, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 200)
        {
            return CommandResult.Invalid(new Phrase("A team needs a name of at most 200 characters."));
        }

        return await db.Teams.AnyAsync(t => t.Id != teamId && t.Name == trimmed, cancellationToken)
            ? CommandResult.Invalid(new Phrase("Another team is already called {0}.", trimmed))
            : null;
    }
}
