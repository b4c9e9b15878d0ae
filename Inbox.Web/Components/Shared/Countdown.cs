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

    public static string CssClass(Urgency urgency) => "urgency-" + urgency.ToString().ToLowerInvariant();
}
