using System.Globalization;
using System.Text.RegularExpressions;

namespace Inbox.Core.Scheduling;

/// <summary>Reads the text forms of business hours: a day's ranges (<c>09:00-12:00, 13:00-18:00</c>) and closure lines.</summary>
public static partial class BusinessHoursText
{
    /// <summary>Parses one weekday's ranges; an empty text is a closed day. Returns the error in words, or null.</summary>
    public static string? TryParseDay(string? text, out IReadOnlyList<OpeningRange> ranges)
    {
        var list = new List<OpeningRange>();
        ranges = list;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = RangePattern().Match(part);
            if (!match.Success)
            {
                return $"\"{part}\" is not a range like 09:00-17:30.";
            }

            var start = Minute(match.Groups[1].Value, match.Groups[2].Value);
            var end = Minute(match.Groups[3].Value, match.Groups[4].Value);
            if (start is null || end is null || start >= end)
            {
                return $"\"{part}\" must start before it ends, between 00:00 and 24:00.";
            }

            if (list.Any(r => start < r.EndMinute && r.StartMinute < end))
            {
                return $"\"{part}\" overlaps another range of the same day.";
            }

            list.Add(new OpeningRange(start.Value, end.Value));
        }

        list.Sort((a, b) => a.StartMinute.CompareTo(b.StartMinute));
        return null;
    }

    /// <summary>Parses closure lines (<c>yyyy-MM-dd label</c> or <c>yyyy-MM-dd..yyyy-MM-dd label</c>). Returns the error in words, or null.</summary>
    public static string? TryParseClosures(string? text, out IReadOnlyList<DateOnly> days)
    {
        var list = new List<DateOnly>();
        days = list;
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = ClosurePattern().Match(line);
            if (!match.Success
                || !DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                return $"\"{line}\" does not start with a date like 2026-12-25 (or a span 2026-12-24..2026-12-26).";
            }

            var last = first;
            if (match.Groups[2].Success && !DateOnly.TryParseExact(match.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last))
            {
                return $"\"{line}\": the span's end is not a date.";
            }

            if (last < first || last.DayNumber - first.DayNumber > 366)
            {
                return $"\"{line}\": a span must run forwards, for at most a year.";
            }

            for (var day = first; day <= last; day = day.AddDays(1))
            {
                list.Add(day);
            }
        }

        return null;
    }

    /// <summary>Finds a time zone by IANA or Windows id; null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The calendar the stored hours describe; null when they no longer parse (checked on save, so only after a hand edit).</summary>
    public static BusinessCalendar? Calendar(BusinessHours hours)
    {
        if (FindZone(hours.TimeZone) is not { } zone || TryParseClosures(hours.Closures, out var closed) is not null)
        {
            return null;
        }

        var lines = WeekLines(hours.Week);
        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (TryParseDay(lines[(int)day], out var ranges) is not null)
            {
                return null;
            }

            week[day] = ranges;
        }

        return new BusinessCalendar(zone, week, closed);
    }

    /// <summary>The stored week as seven day texts, Sunday first.</summary>
    public static string[] WeekLines(string? week)
    {
        var lines = (week ?? "").Split('\n');
        return Enumerable.Range(0, 7).Select(i => i < lines.Length ? lines[i].Trim() : "").ToArray();
    }

    private static int? Minute(string hours, string minutes)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        return m > 59 || h > 24 || (h == 24 && m > 0) ? null : (h * 60) + m;
    }

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:\s*\.\.\s*(\d{4}-\d{2}-\d{2}))?(?:\s+.*)?$")]
    private static partial Regex ClosurePattern();
}
