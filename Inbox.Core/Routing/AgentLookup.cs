using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Routing;

/// <summary>Who the signed-in person is as an agent, and which teams the inbox can be narrowed to.</summary>
public sealed class AgentLookup(IDbContextFactory<InboxDbContext> contexts)
{
    /// <summary>The agent record behind a login (its Identity user id), or null when the login has none.</summary>
    public async Task<int?> AgentIdOfUserAsync(string? userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Agents.Where(a => a.UserId == userId).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every team by name, as (id, name).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TeamsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return teams.Select(t => (t.Id, t.Name)).ToList();
    }
}
