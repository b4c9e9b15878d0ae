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

    /// <summary><c>4:07:31</c> under a day, <c>3d 04:07:31</c> beyond, so the seconds always tick.</summary>
    public static string Format(TimeSpan left)
    {
        if (left <= TimeSpan.Zero)
        {
            return "0:00:00";
        }

        var clock = string.Create(CultureInfo.InvariantCulture, $"{left.Hours}:{left.Minutes:D2}:{left.Seconds:D2}");
        return left.Days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{left.Days}d {left.Hours:D2}:{left.Minutes:D2}:{left.Seconds:D2}") : clock;
    }

    public static string CssClass(Urgency urgency) => "urgency-" + urgency.ToString().ToLowerInvariant();
}
