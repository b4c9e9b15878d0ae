namespace Inbox.Core.Scheduling;

/// <summary>One opening on a weekday, in the business's local wall-clock time, as minutes from midnight (end exclusive, up to 24:00).</summary>
public readonly record struct OpeningRange(int StartMinute, int EndMinute)
{
    /// <summary>An opening from <paramref name="start"/> to <paramref name="end"/>, e.g. 09:00 to 12:30.</summary>
    public static OpeningRange Of(TimeSpan start, TimeSpan end) => new((int)start.TotalMinutes, (int)end.TotalMinutes);

    public override string ToString() => $"{StartMinute / 60:00}:{StartMinute % 60:00}-{EndMinute / 60:00}:{EndMinute % 60:00}";
}
