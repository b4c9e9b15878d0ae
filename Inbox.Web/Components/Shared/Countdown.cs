using System.Globalization;

namespace Inbox.Web.Components.Shared;

/// <summary>How urgent a window's remaining time looks on screen.</summary>
public enum Urgency
{
    /// <summary>More than 4 hours left.</summary>
    Calm,

    /// <summary>Under 4 hours.</summary>
    Soon,

    /// <summary>Under 1 hour.</summary>
    Critical,

    /// <summary>Nothing can be sent.</summary>
    Closed,

    /// <summary>No deadline applies.</summary>
    None,
}

/// <summary>Formats the time left in a window the way agents read it at a glance.</summary>
public static class Countdown
{
    public static Urgency UrgencyOf(TimeSpan? left, bool anyAllowed) => (left, anyAllowed) switch
    {
        (_, false) => Urgency.Closed,
        (null, _) => Urgency.None,
        ({ } l, _) when l <= TimeSpan.Zero => Urgency.Closed,
        ({ } l, _) when l < TimeSpan.FromHours(1) => Urgency.Critical,
        ({ } l, _) when l < TimeSpan.FromHours(4) => Urgency.Soon,
        _ => Urgency.Calm,
    };

    /// <summary>
    /// <c>3d 04h</c> beyond a day, <c>4h 07m</c> beyond an hour, <c>42:07</c> (minutes and seconds) in the last hour:
    /// the seconds show, and tick, only when they matter, so a calm countdown changes once a minute at most.
    /// </summary>
    public static string Format(TimeSpan left)
    {
        if (left <= TimeSpan.Zero)
        {
            return "0:00";
        }

        return left switch
        {
            { Days: > 0 } => string.Create(CultureInfo.InvariantCulture, $"{left.Days}d {left.Hours:D2}h"),
            { Hours: > 0 } => string.Create(CultureInfo.InvariantCulture, $"{left.Hours}h {left.Minutes:D2}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{left.Minutes}:{left.Seconds:D2}"),
        };
    }

    /// <summary>
    /// The instant after <paramref name="now"/> at which the server's view of the countdown next changes: the next
    /// hour of time left beyond a day, the next minute beyond an hour, and within the last hour only the deadline (the
    /// browser ticks the seconds); null once the deadline has passed. A time left shown truncated ("4h 07m" for
    /// 4:07:59) changes just after a whole unit, hence the millisecond.
    /// </summary>
    public static DateTime? NextChange(DateTime deadline, DateTime now)
    {
        var left = deadline - now;
        if (left <= TimeSpan.Zero)
        {
            return null;
        }

        if (left < TimeSpan.FromHours(1))
        {
            return deadline;
        }

        var unit = left < TimeSpan.FromDays(1) ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(1);
        var whole = TimeSpan.FromTicks(left.Ticks / unit.Ticks * unit.Ticks);
        return deadline - whole + TimeSpan.FromMilliseconds(1);
    }

    public static string CssClass(Urgency urgency) => "urgency-" + urgency.ToString().ToLowerInvariant();
}
