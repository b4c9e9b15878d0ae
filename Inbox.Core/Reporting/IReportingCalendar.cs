namespace Inbox.Core.Reporting;

/// <summary>
/// Business hours as reporting needs them. Reporting does not own opening hours: the scheduling feature plugs its
/// calendar in by registering an implementation; until one is, <see cref="NoReportingCalendar"/> answers "unknown"
/// and the dashboard says business-hours figures are not available.
/// </summary>
public interface IReportingCalendar
{
    /// <summary>Whether business hours are set up at all.</summary>
    bool IsConfigured { get; }

    /// <summary>Whether the channel's business was closed or set to away at <paramref name="at"/>; null when unknown.</summary>
    bool? IsClosed(int channelId, DateTime at);

    /// <summary>The part of [<paramref name="from"/>, <paramref name="to"/>) within business hours; null when unknown.</summary>
    TimeSpan? BusinessTime(int channelId, DateTime from, DateTime to);
}
