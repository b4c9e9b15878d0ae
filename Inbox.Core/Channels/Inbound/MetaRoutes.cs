using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>Which channel a Meta entry is addressed to: (kind, page id / IG account id / phone_number_id) → channel id.</summary>
internal static class MetaRoutes
{
    public static async Task<Dictionary<(ChannelKind Kind, string ExternalId), int>> LoadAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.Kind != ChannelKind.Line)
            .Select(c => new { c.Id, c.Kind, c.ExternalId })
            .ToListAsync(cancellationToken);
        return channels.ToDictionary(c => (c.Kind, c.ExternalId), c => c.Id);
    }
}
