namespace Inbox.Bench;

/// <summary>
/// What each dashboard query would cost without the facts: the same figure computed from Messages directly (the
/// customer turns found with window functions, their replies with a correlated lookup per customer message).
/// </summary>
public static class NaiveScans
{
    private const string Replies = """
        SELECT m.ConversationId, m.ChannelId, m.SentAt,
               (SELECT MIN(r.SentAt) FROM Messages r WHERE r.ConversationId = m.ConversationId AND r.Author = 'Agent' AND r.SentAt >= m.SentAt) AS RepliedAt
        FROM Messages m WHERE m.Author = 'Customer' AND m.SentAt >= @from AND m.SentAt < @to
        """;

    public static readonly (string Name, string Sql)[] All =
    [
        ("badge (counted messages, 30 days)", """
            SELECT COUNT(*), SUM(RepliedAt IS NOT NULL) FROM (
              SELECT m.SentAt, LAG(m.SentAt) OVER (PARTITION BY m.ConversationId ORDER BY m.SentAt) AS Previous, m.Author,
                     (SELECT MIN(r.SentAt) FROM Messages r WHERE r.ConversationId = m.ConversationId AND r.Author = 'Agent' AND r.SentAt >= m.SentAt) AS RepliedAt
              FROM Messages m WHERE m.ChannelId = 1)
            WHERE Author = 'Customer' AND SentAt >= @from AND (Previous IS NULL OR julianday(SentAt) - julianday(Previous) >= 1)
            """),
        ("response times", $"SELECT COUNT(*), AVG(julianday(RepliedAt) - julianday(SentAt)) FROM ({Replies})"),
        ("windows lost", $"SELECT ChannelId, SUM(RepliedAt IS NULL OR julianday(RepliedAt) - julianday(SentAt) >= 1) FROM ({Replies}) GROUP BY ChannelId"),
        ("volume heatmap", "SELECT strftime('%w', SentAt), strftime('%H', SentAt), COUNT(*) FROM Messages WHERE Author = 'Customer' AND SentAt >= @from AND SentAt < @to GROUP BY 1, 2"),
        ("backlog", $"SELECT date(SentAt), COUNT(*), SUM(RepliedAt IS NULL) FROM ({Replies}) GROUP BY 1"),
        ("whatsapp sends", "SELECT strftime('%Y-%m', SentAt), ReplyType, COUNT(*) FROM Messages WHERE ChannelId = 4 AND Direction = 'Outbound' AND Status IN ('Sent', 'Delivered', 'Read') AND SentAt >= @from AND SentAt < @to GROUP BY 1, 2"),
        ("agents", """
            SELECT r.AgentId, COUNT(*) FROM Messages m
            JOIN Messages r ON r.Id = (SELECT r2.Id FROM Messages r2 WHERE r2.ConversationId = m.ConversationId AND r2.Author = 'Agent' AND r2.SentAt >= m.SentAt ORDER BY r2.SentAt LIMIT 1)
            WHERE m.Author = 'Customer' AND m.SentAt >= @from AND m.SentAt < @to GROUP BY r.AgentId
            """),
        ("now: oldest unanswered", """
            SELECT MIN(m.SentAt) FROM Messages m WHERE m.Author = 'Customer'
              AND NOT EXISTS (SELECT 1 FROM Messages r WHERE r.ConversationId = m.ConversationId AND r.Author = 'Agent' AND r.SentAt >= m.SentAt)
            """),
    ];
}
