using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Routing;

/// <summary>The admin's team editor: names, members, auto-assignment mode and agent capacities.</summary>
public sealed class TeamAdmin(IDbContextFactory<InboxDbContext> contexts)
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
    public async Task<CommandResult> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await CheckNameAsync(db, 0, name, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        db.Teams.Add(new Team { Name = name.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done();
    }

    /// <summary>Saves the edit. Checking an agent moves them here from any other team; unchecking one leaves them without a team.</summary>
    public async Task<CommandResult> SaveAsync(TeamSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Members.FirstOrDefault(m => m.Capacity is < 1) is { } wrong)
        {
            return CommandResult.Invalid($"{wrong.Name}'s capacity must be at least 1, or empty for no limit.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == settings.Id, cancellationToken);
        if (team is null)
        {
            return CommandResult.NotFound($"Team {settings.Id} does not exist.");
        }

        if (await CheckNameAsync(db, team.Id, settings.Name, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        team.Name = settings.Name.Trim();
        team.AutoAssignMode = settings.Mode;
        var edits = settings.Members.ToDictionary(m => m.AgentId);
        foreach (var agent in await db.Agents.Where(a => edits.Keys.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            var edit = edits[agent.Id];
            agent.Capacity = edit.Capacity;
            agent.TeamId = edit.Member ? team.Id : agent.TeamId == team.Id ? null : agent.TeamId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done();
    }

    private static async Task<CommandResult?> CheckNameAsync(InboxDbContext db, int teamId, string name, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 200)
        {
            return CommandResult.Invalid("A team needs a name of at most 200 characters.");
        }

        return await db.Teams.AnyAsync(t => t.Id != teamId && t.Name == trimmed, cancellationToken)
            ? CommandResult.Invalid($"Another team is already called {trimmed}.")
            : null;
    }
}
