namespace Inbox.Core.Reporting;

/// <summary>A LINE channel's push allowance this month: used, the limit, and the usage forecast at month end at the pace so far.</summary>
/// <param name="Limit">Null when the plan has no limit or LINE was not asked yet.</param>
public sealed record LineQuotaRow(string Channel, int? Limit, int? Used, DateTime? CheckedAt, int? ForecastAtMonthEnd)
{
    public bool RunsOut => Limit is { } limit && ForecastAtMonthEnd > limit;

    /// <summary>Usage at the end of the month (UTC) if pushes go on at the average pace since the month began.</summary>
    public static int Forecast(int used, DateTime at)
    {
        var monthStart = new DateTime(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var elapsed = Math.Max((at - monthStart).TotalHours, 1);
        var total = (monthStart.AddMonths(1) - monthStart).TotalHours;
        return (int)Math.Round(used * total / elapsed);
    }
}
