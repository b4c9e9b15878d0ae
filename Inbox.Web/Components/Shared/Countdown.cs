using System.Globalization;
using Inbox.Core.Policy;

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

/// <summary>
/// What a window countdown shows and when that changes, for the list row (which renders it inline) and the conversation
/// header (<see cref="WindowCountdown"/>). The server's text changes with the minute (hour); in the last hour the
/// browser ticks the seconds from <see cref="Decision"/>'s deadline and <see cref="ShownAt"/>.
/// </summary>
public sealed class CountdownShown
{
    private DateTime? reportedDeadline;

    /// <summary>The policy's decision the countdown counts down; null until the owner's first <see cref="Show"/>.</summary>
    public ReplyDecision? Decision { get; private set; }

    /// <summary>The time left as shown; null when nothing is counted (closed, no deadline).</summary>
    public string? Text { get; private set; }

    public Urgency Urgency { get; private set; }

    /// <summary>The instant <see cref="Text"/> was taken at.</summary>
    public DateTime ShownAt { get; private set; }

    /// <summary>The browser ticks the seconds: the last hour before a deadline.</summary>
    public bool BrowserTicks => Urgency is Urgency.Critical && Decision?.Deadline is not null;

    /// <summary>A new decision from the owner (it rendered again).</summary>
    public void Show(ReplyDecision decision, DateTime now)
    {
        Decision = decision;
        Refresh(now);
    }

    /// <summary>Whether the text or colour would change at <paramref name="now"/>.</summary>
    public bool Changes(DateTime now) => At(now) != (Text, Urgency);

    public void Refresh(DateTime now)
    {
        (Text, Urgency) = At(now);
        ShownAt = now;
    }

    /// <summary>True once per deadline, when it has passed: the owner takes a new decision.</summary>
    public bool DeadlinePassed(DateTime now)
    {
        if (Decision?.Deadline is not { } deadline || now < deadline || reportedDeadline == deadline)
        {
            return false;
        }

        reportedDeadline = deadline;
        return true;
    }

    /// <summary>
    /// When the server's view next changes (see <see cref="Countdown.NextChange"/>): at once for a deadline passed but
    /// not yet reported, and never after it was.
    /// </summary>
    public DateTime? NextChange(DateTime now) => Decision?.Deadline is { } deadline && reportedDeadline != deadline ? Countdown.NextChange(deadline, now) ?? now : null;

    private (string? Text, Urgency Urgency) At(DateTime now)
    {
        var left = Decision?.Deadline - now;
        var urgency = Countdown.UrgencyOf(left, Decision?.Suggested is not null);
        return (left is { } l && urgency != Urgency.Closed ? Countdown.Format(l) : null, urgency);
    }
}
