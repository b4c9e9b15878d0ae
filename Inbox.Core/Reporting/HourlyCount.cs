namespace Inbox.Core.Reporting;

/// <summary>A count for one UTC hour, <c>yyyy-MM-dd HH</c>, as SQL groups it.</summary>
public sealed record HourlyCount(string Hour, int Count)
{
    public DateTime Start => DateTime.SpecifyKind(
        DateTime.ParseExact(Hour, "yyyy-MM-dd HH", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
