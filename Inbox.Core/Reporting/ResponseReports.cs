using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Reporting;

/// <summary>Range reports over customer turns: response times, windows lost, volume by hour and weekday, backlog.</summary>
public sealed class ResponseReports(
    IDbContextFactory<InboxDbContext> contexts, IReportingCalendar calendar, IOptions<ReportingOptions> options, TimeProvider time)
{
    /// <summary>The panel's percentiles: p50 and p90 of first and of next responses.</summary>
    private static readonly (bool? IsFirst, double Q)[] Percentiles = [(true, 0.5), (true, 0.9), (false, 0.5), (false, 0.9)];

    /// <summary>Whether business-hours figures exist (a business calendar is plugged in).</summary>
    public bool HasBusinessHours => calendar.IsConfigured;

    public async Task<ResponseTimes> ResponseTimesAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return ResponseTimes.Of(
            options.Value.ReadRollups
                ? await RollupQueries.HistogramAsync(db, filter, byAgent: false, Percentiles, cancellationToken)
                : await FactQueries.HistogramAsync(db, filter, byAgent: false, business: false, cancellationToken),
            calendar.IsConfigured ? await FactQueries.HistogramAsync(db, filter, byAgent: false, business: true, cancellationToken) : null);
    }

    public async Task<WindowsLostReport> WindowsLostAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var counts = options.Value.ReadRollups
            ? await RollupQueries.WindowsLostAsync(db, filter, now, cancellationToken)
            : await FactQueries.WindowsLostAsync(db, filter, now, cancellationToken);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var agents = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return new WindowsLostReport(
            WindowsLost.By(counts, c => channels.GetValueOrDefault(c.ChannelId, $"Channel {c.ChannelId}")),
            WindowsLost.By(counts, c => c.AgentId is { } id ? agents.GetValueOrDefault(id, $"Agent {id}") : "Unassigned"));
    }

    public async Task<IReadOnlyList<VolumeCell>> VolumeAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return VolumeAndBacklog.Heatmap(await FactQueries.HourlyAsync(db, filter, ended: false, cancellationToken), options.Value.Zone);
    }

    public async Task<IReadOnlyList<BacklogPoint>> BacklogAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = options.Value.Zone;
        var end = filter.To <= time.GetUtcNow().UtcDateTime ? filter.To.AddTicks(-1) : time.GetUtcNow().UtcDateTime;
        return VolumeAndBacklog.Backlog(
            await FactQueries.WaitingAtStartAsync(db, filter, cancellationToken),
            await FactQueries.HourlyAsync(db, filter, ended: false, cancellationToken),
            await FactQueries.HourlyAsync(db, filter, ended: true, cancellationToken),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(filter.From, zone)),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(end, zone)),
            zone);
    }
}
