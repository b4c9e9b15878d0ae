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
    private static readonly TimeSpan SoonBelow = TimeSpan.FromHours(4);
    private static readonly TimeSpan CriticalBelow = TimeSpan.FromHours(1);

    public static Urgency UrgencyOf(TimeSpan? left, bool anyAllowed) => (left, anyAllowed) switch
    {
        (_, false) => Urgency.Closed,
        (null, _) => Urgency.None,
        ({ } l, _) when l <= TimeSpan.Zero => Urgency.Closed,
        ({ } l, _) when l < CriticalBelow => Urgency.Critical,
        ({ } l, _) when l < SoonBelow => Urgency.Soon,
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
    /// The instant after <paramref name="now"/> at which the server's view of the countdown next changes: its colour
    /// (under 4 hours, under 1 hour) and the deadline; null once the deadline has passed. The text in between is the
    /// browser's: it formats <see cref="Format"/>'s way from the deadline and the server's instant written on the span
    /// (<c>wwwroot/js/inbox.js</c>), so an idle tab costs the server three renders per window, not one per minute.
    /// Urgency changes just after a whole hour is left ("4h 00m" is still calm), hence the millisecond.
    /// </summary>
    public static DateTime? NextChange(DateTime deadline, DateTime now)
    {
        var left = deadline - now;
        if (left <= TimeSpan.Zero)
        {
            return null;
        }

        foreach (var boundary in (ReadOnlySpan<TimeSpan>)[SoonBelow, CriticalBelow])
        {
            if (left >= boundary)
            {
                return deadline - boundary + TimeSpan.FromMilliseconds(1);
            }
        }

        return deadline;
    }

    public static string CssClass(Urgency urgency) => "urgency-" + urgency.ToString().ToLowerInvariant();
}

/// <summary>
/// What a window countdown shows and when that changes, for the list row (which renders it inline) and the conversation
/// header (<see cref="WindowCountdown"/>). The server renders the text and colour when the countdown is shown and when
/// its colour changes; in between the browser ticks the text from <see cref="Decision"/>'s deadline and <see cref="ShownAt"/>.
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

    /// <summary>The browser ticks the text: every countdown to a deadline (the server renders only its colour changes).</summary>
    public bool BrowserTicks => Text is not null && Decision?.Deadline is not null;

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
