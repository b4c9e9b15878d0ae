using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Which stored deliveries an instance processes next. On PostgreSQL, several instances share the table: each claims a
/// batch (claimed-by, claimed-until) with <c>FOR UPDATE SKIP LOCKED</c>, so two never take the same delivery and neither
/// waits for the other; a claim whose lease ran out (its instance died mid-batch) is free again. SQLite serves one
/// instance, whose passes run one at a time, so the next pending deliveries are simply its own.
/// </summary>
internal static class DeliveryClaims
{
    public static async Task<List<WebhookDelivery>> NextAsync(
        InboxDbContext db, long after, int count, string instance, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.State == WebhookDeliveryState.Pending && d.Id > after)
                .OrderBy(d => d.Id)
                .Take(count)
                .ToListAsync(cancellationToken);
        }

        var until = now + lease;
        var pending = nameof(WebhookDeliveryState.Pending);
        var ids = await db.Database.SqlQuery<long>($"""
            UPDATE "WebhookDeliveries" SET "ClaimedBy" = {instance}, "ClaimedUntil" = {until}
            WHERE "Id" IN (
                SELECT "Id" FROM "WebhookDeliveries"
                WHERE "State" = {pending} AND "Id" > {after} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now} OR "ClaimedBy" = {instance})
                ORDER BY "Id" LIMIT {count}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
        return ids.Count == 0
            ? []
            : await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }
}
