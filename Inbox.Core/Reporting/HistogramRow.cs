namespace Inbox.Core.Reporting;

/// <summary>How many turns (of one agent, first or next) were answered after exactly <see cref="Seconds"/>; null seconds: unanswered.</summary>
public sealed record HistogramRow(int? AgentId, bool IsFirst, int? Seconds, int Count);
