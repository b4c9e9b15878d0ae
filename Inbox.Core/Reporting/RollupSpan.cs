namespace Inbox.Core.Reporting;

/// <summary>
/// How a report's range splits: whole UTC months [<see cref="MonthsFrom"/>, <see cref="MonthsTo"/>) and whole UTC days
/// [<see cref="DaysFrom"/>, <see cref="DaysTo"/>) around them from <see cref="ResponseRollup"/>, the hours before the first
/// and after the last whole day from the facts. A range of local days in any time zone is answered exactly.
/// </summary>
internal sealed record RollupSpan(DateTime DaysFrom, DateTime MonthsFrom, DateTime MonthsTo, DateTime DaysTo)
{
    /// <summary>The split of <paramref name="filter"/>'s range; null when it holds no whole UTC day.</summary>
    public static RollupSpan? Of(ReportFilter filter)
    {
        var daysFrom = filter.From == filter.From.Date ? filter.From.Date : filter.From.Date.AddDays(1);
        var daysTo = filter.To.Date;
        if (daysFrom >= daysTo)
        {
            return null;
        }

        var monthsFrom = MonthStart(daysFrom) == daysFrom ? daysFrom : MonthStart(daysFrom).AddMonths(1);
        var monthsTo = MonthStart(daysTo);
        return monthsFrom < monthsTo
            ? new RollupSpan(Utc(daysFrom), Utc(monthsFrom), Utc(monthsTo), Utc(daysTo))
            : new RollupSpan(Utc(daysFrom), Utc(daysTo), Utc(daysTo), Utc(daysTo));
    }

    /// <summary>The parts of the range the roll-up does not cover, as filters over the facts.</summary>
    public IEnumerable<ReportFilter> Edges(ReportFilter filter)
    {
        if (filter.From < DaysFrom)
        {
            yield return filter with { To = DaysFrom };
        }

        if (DaysTo < filter.To)
        {
            yield return filter with { From = DaysTo };
        }
    }

    private static DateTime MonthStart(DateTime day) => new(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);
}
