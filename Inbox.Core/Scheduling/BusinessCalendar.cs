namespace Inbox.Core.Scheduling;

/// <summary>
/// When a business is open: opening ranges per weekday in one time zone, and whole closed days (holidays). Answers
/// "open at T?", "next opening?" and "business minutes between A and B?" for UTC instants. Ranges are wall-clock times,
/// so an opening at 09:00 stays at 09:00 local across a DST change. A local time skipped by a spring-forward gap
/// moves to the end of the gap; a time that occurs twice in the autumn takes its first occurrence.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead <see cref="NextOpening"/> looks before answering "never".</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    private readonly IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningRange>> week;
    private readonly IReadOnlySet<DateOnly> closedDays;

    public BusinessCalendar(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningRange>> week, IEnumerable<DateOnly>? closedDays = null)
    {
        Zone = zone;
        this.week = week;
        this.closedDays = (closedDays ?? []).ToHashSet();
    }

    /// <summary>Open around the clock: used when no business hours are set, so nothing is ever "after hours".</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, IReadOnlyList<OpeningRange> (_) => [new OpeningRange(0, 24 * 60)]));

    public TimeZoneInfo Zone { get; }

    /// <summary>Whether the business is open at <paramref name="utc"/> (openings are half-open: open at the start, closed at the end).</summary>
    /// <remarks>
    /// Looks only at the ranges of the local days around <paramref name="utc"/>: merging touching openings first, as
    /// <see cref="Openings"/> does, would walk the whole <see cref="Horizon"/> for a business open round the clock,
    /// and this runs for every customer message.
    /// </remarks>
    public bool IsOpen(DateTime utc)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));
        for (var day = today.AddDays(-1); day <= today.AddDays(1); day = day.AddDays(1))
        {
            if (closedDays.Contains(day) || !week.TryGetValue(day.DayOfWeek, out var ranges))
            {
                continue;
            }

            foreach (var range in ranges)
            {
                if (ToUtc(day, range.StartMinute) <= utc && utc < ToUtc(day, range.EndMinute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><paramref name="utc"/> itself when open then; otherwise the start of the next opening, or null when none lies within <see cref="Horizon"/>.</summary>
    public DateTime? NextOpening(DateTime utc)
    {
        foreach (var (start, end) in Openings(utc))
        {
            if (end > utc)
            {
                return start <= utc ? utc : start;
            }

            if (start > utc + Horizon)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The business time (open time) between two instants; zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>.</summary>
    public TimeSpan BusinessTime(DateTime fromUtc, DateTime toUtc)
    {
        var total = TimeSpan.Zero;
        if (toUtc <= fromUtc)
        {
            return total;
        }

        foreach (var (start, end) in Openings(fromUtc))
        {
            if (start >= toUtc)
            {
                break;
            }

            var overlap = (end < toUtc ? end : toUtc) - (start > fromUtc ? start : fromUtc);
            if (overlap > TimeSpan.Zero)
            {
                total += overlap;
            }
        }

        return total;
    }

    /// <summary>Whole business minutes between two instants.</summary>
    public int BusinessMinutes(DateTime fromUtc, DateTime toUtc) => (int)BusinessTime(fromUtc, toUtc).TotalMinutes;

    /// <summary>Openings as UTC intervals in time order, from the local day before <paramref name="fromUtc"/>, touching ones merged (18:00–24:00 + 00:00–02:00 is one).</summary>
    private IEnumerable<(DateTime Start, DateTime End)> Openings(DateTime fromUtc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), Zone)).AddDays(-1);
        var last = day.AddDays((int)Horizon.TotalDays + 2);
        (DateTime Start, DateTime End)? pending = null;
        for (; day <= last; day = day.AddDays(1))
        {
            if (closedDays.Contains(day) || !week.TryGetValue(day.DayOfWeek, out var ranges))
            {
                continue;
            }

            foreach (var range in ranges.OrderBy(r => r.StartMinute))
            {
                var start = ToUtc(day, range.StartMinute);
                var end = ToUtc(day, range.EndMinute);
                if (end <= start)
                {
                    continue;
                }

                if (pending is { } open && start <= open.End)
                {
                    pending = (open.Start, end > open.End ? end : open.End);
                    continue;
                }

                if (pending is { } done)
                {
                    yield return done;
                }

                pending = (start, end);
            }
        }

        if (pending is { } tail)
        {
            yield return tail;
        }
    }

    private DateTime ToUtc(DateOnly day, int minute)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        if (Zone.IsInvalidTime(local))
        {
            // Spring forward: the wall-clock time does not exist; the opening starts when the clocks have jumped.
            while (Zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(1);
            }
        }

        if (Zone.IsAmbiguousTime(local))
        {
            // Autumn: the time occurs twice; take the first occurrence (the larger offset).
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
