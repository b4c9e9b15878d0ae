namespace Inbox.Core.Reporting;

/// <summary>The calendar used while no business hours exist: every answer is "unknown".</summary>
public sealed class NoReportingCalendar : IReportingCalendar
{
    public bool IsConfigured => false;

    public bool? IsClosed(int channelId, DateTime at) => null;

    public TimeSpan? BusinessTime(int channelId, DateTime from, DateTime to) => null;
}
