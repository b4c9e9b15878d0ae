namespace Inbox.Core.Reporting;

/// <summary>How many survey answers gave this score.</summary>
public sealed record CsatScoreCount(int Score, int Count);
