using Inbox.Core.Channels;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>Cost and quota: WhatsApp messages Meta bills, per month, from send facts; LINE push quota with a month-end forecast.</summary>
public sealed class CostReport(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    /// <summary>WhatsApp templates by category and service replies per channel and month (UTC) of the range; automations included.</summary>
    public async Task<IReadOnlyList<WhatsAppSendsRow>> WhatsAppAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.Kind == ChannelKind.WhatsApp && (filter.ChannelId == null || c.Id == filter.ChannelId))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var ids = channels.Keys.ToList();
        var sends = db.Set<SendFact>().AsNoTracking()
            .Where(f => ids.Contains(f.ChannelId) && f.SentAt >= filter.From && f.SentAt < filter.To);
        sends = filter.AgentId is { } agent ? sends.Where(f => f.AgentId == agent) : sends;
        var counts = await sends
            .GroupBy(f => new { f.ChannelId, f.SentAt.Year, f.SentAt.Month, f.ReplyType, f.TemplateCategory, f.PricingCategory, f.Billable })
            .Select(g => new { g.Key.ChannelId, g.Key.Year, g.Key.Month, g.Key.ReplyType, g.Key.TemplateCategory, g.Key.PricingCategory, g.Key.Billable, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts
            .GroupBy(c => (c.ChannelId, Month: $"{c.Year:D4}-{c.Month:D2}"))
            .Select(g =>
            {
                var priced = g.Select(c => (Bucket: WhatsAppPricing.Bucket(c.PricingCategory, c.ReplyType, c.TemplateCategory),
                    Billed: c.Billable ?? WhatsAppPricing.InferBilled(c.ReplyType, g.Key.Month), FromMeta: c.PricingCategory != null || c.Billable != null, c.Count)).ToList();
                int Count(WhatsAppBucket bucket) => priced.Where(p => p.Bucket == bucket).Sum(p => p.Count);
                return new WhatsAppSendsRow(
                    channels[g.Key.ChannelId], g.Key.Month,
                    Count(WhatsAppBucket.Marketing), Count(WhatsAppBucket.Utility), Count(WhatsAppBucket.Authentication),
                    Count(WhatsAppBucket.OtherTemplate), Count(WhatsAppBucket.Service),
                    priced.Where(p => p.Billed).Sum(p => p.Count), priced.Where(p => p.FromMeta).Sum(p => p.Count));
            })
            .OrderBy(r => r.Channel).ThenBy(r => r.Month)
            .ToList();
    }

    /// <summary>Each LINE channel's push quota as LINE last reported it, and the usage forecast at month end.</summary>
    public async Task<IReadOnlyList<LineQuotaRow>> LineQuotaAsync(int? channelId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.Kind == ChannelKind.Line && (channelId == null || c.Id == channelId))
            .OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return channels.Select(c => new LineQuotaRow(
                c.Name, c.LineQuotaLimit, c.LineQuotaUsed, c.LineQuotaCheckedAt,
                c.LineQuotaUsed is { } used ? LineQuotaRow.Forecast(used, c.LineQuotaCheckedAt ?? now) : null))
            .ToList();
    }
}
