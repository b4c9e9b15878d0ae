using Inbox.Core.Persistence;
using Inbox.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Business hours for the reports: the global default hours (or, when only team hours exist, the first team's, where
/// new conversations are routed), re-read at most once a minute. Reports then mark messages received while closed
/// and give response times in business hours.
/// </summary>
public sealed class BusinessHoursReportingCalendar(IDbContextFactory<InboxDbContext> contexts, TimeProvider time) : IReportingCalendar
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private (BusinessCalendar? Calendar, DateTime ReadAt)? cached;

    public bool IsConfigured => Calendar() is not null;

    public bool? IsClosed(int channelId, DateTime at) => Calendar() is { } calendar ? !calendar.IsOpen(at) : null;

    public TimeSpan? BusinessTime(int channelId, DateTime from, DateTime to) =>
        Calendar() is { } calendar && to > from ? calendar.BusinessTime(from, to) : Calendar() is null ? null : TimeSpan.Zero;

    private BusinessCalendar? Calendar()
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (gate)
        {
            if (cached is { } entry && now - entry.ReadAt < Freshness)
            {
                return entry.Calendar;
            }
        }

        using var db = contexts.CreateDbContext();
        var rows = db.Set<BusinessHours>().AsNoTracking().OrderBy(h => h.TeamId == null ? 0 : 1).ThenBy(h => h.TeamId).ToList();
        var calendar = rows.Select(BusinessHoursText.Calendar).FirstOrDefault(c => c is not null);
        lock (gate)
        {
            cached = (calendar, now);
        }

        return calendar;
    }
}
