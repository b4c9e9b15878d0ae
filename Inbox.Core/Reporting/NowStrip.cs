namespace Inbox.Core.Reporting;

/// <summary>The live "now" figures at the top of the dashboard.</summary>
/// <param name="OldestUnansweredAt">When the longest-waiting customer turn began; null when nobody waits.</param>
public sealed record NowStrip(
    int Open, IReadOnlyList<ExpiringConversation> ExpiringWithinHour, int AgentsOnline, int AgentsAway,
    DateTime? OldestUnansweredAt, int? OldestUnansweredConversationId, string? OldestUnansweredContact);
