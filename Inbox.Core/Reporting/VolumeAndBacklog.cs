namespace Inbox.Core.Reporting;

/// <summary>The heatmap and the backlog series, from hourly counts converted to the reporting time zone (daylight saving included).</summary>
public static class VolumeAndBacklog
{
    /// <summary>All 7 × 24 cells, Monday first, from the hourly counts of turns received.</summary>
    public static IReadOnlyList<VolumeCell> Heatmap(IEnumerable<HourlyCount> received, TimeZoneInfo zone)
    {
        var cells = new int[7, 24];
        foreach (var hour in received)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(hour.Start, zone);
            cells[MondayFirst(local.DayOfWeek), local.Hour] += hour.Count;
        }

        return Enumerable.Range(0, 7)
            .SelectMany(d => Enumerable.Range(0, 24).Select(h => new VolumeCell((DayOfWeek)((d + 1) % 7), h, cells[d, h])))
            .ToList();
    }

    /// <summary>
    /// Turns waiting at the end of each day from <paramref name="from"/> to <paramref name="to"/>: those already waiting
    /// at the start (<paramref name="waitingAtStart"/>), plus those received, minus those that stopped waiting, so far.
    /// </summary>
    public static IReadOnlyList<BacklogPoint> Backlog(
        int waitingAtStart, IEnumerable<HourlyCount> received, IEnumerable<HourlyCount> ended, DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var change = new Dictionary<DateOnly, int>();
        foreach (var (hour, sign) in received.Select(h => (h, 1)).Concat(ended.Select(h => (h, -1))))
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(hour.Start, zone));
            change[day] = change.GetValueOrDefault(day) + (sign * hour.Count);
        }

        var points = new List<BacklogPoint>();
        var waiting = waitingAtStart;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            waiting += change.GetValueOrDefault(day);
            points.Add(new BacklogPoint(day, waiting));
        }

        return points;
    }

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
