namespace Inbox.Core.Reporting;

/// <summary>What a report covers: customer turns received in [<see cref="From"/>, <see cref="To"/>) (UTC), narrowed to a channel, team or agent.</summary>
public sealed record ReportFilter(DateTime From, DateTime To, int? ChannelId = null, int? TeamId = null, int? AgentId = null)
{
    /// <summary>The default range: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    /// <summary>Whole days <paramref name="first"/> to <paramref name="last"/> (inclusive) in <paramref name="zone"/>, as UTC instants.</summary>
    public static ReportFilter ForDays(DateOnly first, DateOnly last, TimeZoneInfo zone, int? channelId = null, int? teamId = null, int? agentId = null) => new(
        TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), zone),
        TimeZoneInfo.ConvertTimeToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone),
        channelId, teamId, agentId);

    /// <summary>Today in <paramref name="zone"/>.</summary>
    public static DateOnly Today(TimeProvider time, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone));
}
