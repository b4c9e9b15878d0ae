namespace Inbox.Core.Reporting;

/// <summary>What a report covers: customer turns received in [<see cref="From"/>, <see cref="To"/>) (UTC), narrowed to a channel, team or agent.</summary>
public sealed record ReportFilter(DateTime From, DateTime To, int? ChannelId = null, int? TeamId = null, int? AgentId = null);
