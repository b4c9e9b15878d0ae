using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels;

/// <summary>Reads the connected channels.</summary>
public sealed class ChannelDirectory(IDbContextFactory<InboxDbContext> contexts)
{
    public async Task<IReadOnlyList<Channel>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Shows enough of a secret to recognise it, never the whole of it.</summary>
    public static string Mask(string? secret) => secret switch
    {
        null or "" => "not set",
        { Length: <= 8 } => "••••",
        _ => "••••" + secret[^4..],
    };
}
