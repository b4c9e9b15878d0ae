using System.Data.Common;
using System.Globalization;
using Inbox.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inbox.Core.Reporting;

/// <summary>
/// Writes facts with prepared SQL on the context's connection and transaction: a rebuild inserts hundreds of
/// thousands of rows, which EF's change tracking would take minutes over. Values are stored as EF stores them.
/// </summary>
internal static class FactWriter
{
    private const string InsertTurn = """
        INSERT INTO ResponseFacts (ConversationId, ChannelId, TeamId, AgentId, CustomerMessageId, ReceivedAt, LastInboundAt, InboundCount, IsFirst, Counted,
            ReceivedWhileClosed, Excluded, RespondedAt, ResponseSeconds, BusinessResponseSeconds, ResponseType, WindowClosesAt, EndedAt)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        """;

    /// <summary>Send facts for outbound messages that left (ours, not echoes of other tools), with their template's category; <c>{0}</c> narrows Messages.</summary>
    private const string InsertSends = """
        INSERT OR IGNORE INTO SendFacts (MessageId, ConversationId, ChannelId, SentAt, ReplyType, Automated, AgentId, TemplateCategory, PricingCategory, Billable)
        SELECT m.Id, m.ConversationId, m.ChannelId, m.SentAt, m.ReplyType, m.Author = 'Automation', m.AgentId,
               (SELECT t.Category FROM MessageTemplates t
                WHERE t.Name = m.TemplateName AND t.Language = m.TemplateLanguage AND (t.ChannelId IS NULL OR t.ChannelId = m.ChannelId)
                ORDER BY t.ChannelId DESC LIMIT 1),
               m.PricingCategory, m.Billable
        FROM Messages m
        WHERE {0} AND m.Direction = 'Outbound' AND m.ReplyType IS NOT NULL AND m.Author <> 'Echo' AND m.Status IN ('Sent', 'Delivered', 'Read')
        """;

    public static async Task InsertTurnsAsync(InboxDbContext db, IEnumerable<ResponseFact> facts, CancellationToken cancellationToken)
    {
        await using var command = Command(db, InsertTurn);
        var parameters = Enumerable.Range(1, 18).Select(i => new SqliteParameter($"${i}", null)).ToArray();
        command.Parameters.AddRange(parameters);
        foreach (var f in facts)
        {
            object?[] values =
            [
                f.ConversationId, f.ChannelId, f.TeamId, f.AgentId, f.CustomerMessageId, Text(f.ReceivedAt), Text(f.LastInboundAt), f.InboundCount,
                f.IsFirst, f.Counted, f.ReceivedWhileClosed, f.Excluded?.ToString(), Text(f.RespondedAt), f.ResponseSeconds, f.BusinessResponseSeconds,
                f.ResponseType?.ToString(), Text(f.WindowClosesAt), Text(f.EndedAt),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Records every sent message (<paramref name="messageId"/> null) or one; a message already recorded is left alone.</summary>
    public static async Task<int> InsertSendsAsync(InboxDbContext db, long? messageId, CancellationToken cancellationToken)
    {
        await using var command = Command(db, string.Format(CultureInfo.InvariantCulture, InsertSends, messageId is null ? "1 = 1" : "m.Id = $id"));
        command.Parameters.Add(new SqliteParameter("$id", (object?)messageId ?? DBNull.Value));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(InboxDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>EF Core's text form of a DateTime in SQLite.</summary>
    private static string? Text(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
