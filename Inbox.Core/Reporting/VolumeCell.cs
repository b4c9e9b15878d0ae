namespace Inbox.Core.Reporting;

/// <summary>One cell of the volume heatmap: customer turns that began in this hour of this weekday (reporting time zone).</summary>
public sealed record VolumeCell(DayOfWeek Weekday, int Hour, int Count);
