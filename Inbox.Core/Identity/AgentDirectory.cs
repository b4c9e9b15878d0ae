using System.Security.Claims;
using Inbox.Core.Persistence;
using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Identity;

/// <summary>Finds the agent behind a signed-in person, so what they do in the workspace is recorded as theirs.</summary>
public sealed class AgentDirectory(IDbContextFactory<InboxDbContext> contexts)
{
    /// <summary>The agent linked to the user's login, or null (an admin without an agent record, an API client).</summary>
    public async Task<Agent?> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
    }
}
