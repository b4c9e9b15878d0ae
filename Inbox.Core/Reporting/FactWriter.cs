using System.Data;
using System.Data.Common;
using System.Globalization;
using Inbox.Core.Persistence;
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
        INSERT INTO "ResponseFacts" ("ConversationId", "ChannelId", "TeamId", "AgentId", "CustomerMessageId", "ReceivedAt", "LastInboundAt", "InboundCount",
            "IsFirst", "Counted", "ReceivedWhileClosed", "Excluded", "RespondedAt", "ResponseSeconds", "BusinessResponseSeconds", "ResponseType", "WindowClosesAt", "EndedAt")
        VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18)
        """;

    /// <summary>
    /// Send facts for outbound messages that left (ours, not echoes of other tools), with their template's category;
    /// <c>{0}</c> narrows Messages. A channel's own template wins over a shared one (NULLS LAST: PostgreSQL sorts NULL
    /// first in descending order, SQLite last).
    /// </summary>
    private const string InsertSends = """
        INSERT INTO "SendFacts" ("MessageId", "ConversationId", "ChannelId", "SentAt", "ReplyType", "Automated", "AgentId", "TemplateCategory", "PricingCategory", "Billable")
        SELECT m."Id", m."ConversationId", m."ChannelId", m."SentAt", m."ReplyType", m."Author" = 'Automation', m."AgentId",
               (SELECT t."Category" FROM "MessageTemplates" t
                WHERE t."Name" = m."TemplateName" AND t."Language" = m."TemplateLanguage" AND (t."ChannelId" IS NULL OR t."ChannelId" = m."ChannelId")
                ORDER BY t."ChannelId" DESC NULLS LAST LIMIT 1),
               m."PricingCategory", m."Billable"
        FROM "Messages" m
        WHERE {0} AND m."Direction" = 'Outbound' AND m."ReplyType" IS NOT NULL AND m."Author" <> 'Echo' AND m."Status" IN ('Sent', 'Delivered', 'Read')
        ON CONFLICT DO NOTHING
        """;

    /// <summary>The parameters' types, in column order: PostgreSQL must know them even when the value is NULL.</summary>
    private static readonly DbType[] TurnTypes =
    [
        DbType.Int32, DbType.Int32, DbType.Int32, DbType.Int32, DbType.Int64, DbType.DateTime, DbType.DateTime, DbType.Int32,
        DbType.Boolean, DbType.Boolean, DbType.Boolean, DbType.String, DbType.DateTime, DbType.Int32, DbType.Int32,
        DbType.String, DbType.DateTime, DbType.DateTime,
    ];

    public static async Task InsertTurnsAsync(InboxDbContext db, IEnumerable<ResponseFact> facts, CancellationToken cancellationToken)
    {
        var dialect = SqlDialect.For(db.Database);
        await using var command = Command(db, InsertTurn);
        var parameters = TurnTypes.Select((type, i) => dialect.Parameter($"@p{i + 1}", null, type)).ToArray();
        command.Parameters.AddRange(parameters);
        foreach (var f in facts)
        {
            object?[] values =
            [
                f.ConversationId, f.ChannelId, f.TeamId, f.AgentId, f.CustomerMessageId, f.ReceivedAt, f.LastInboundAt, f.InboundCount,
                f.IsFirst, f.Counted, f.ReceivedWhileClosed, f.Excluded?.ToString(), f.RespondedAt, f.ResponseSeconds, f.BusinessResponseSeconds,
                f.ResponseType?.ToString(), f.WindowClosesAt, f.EndedAt,
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
        await using var command = Command(db, string.Format(CultureInfo.InvariantCulture, InsertSends, messageId is null ? "1 = 1" : "m.\"Id\" = @id"));
        command.Parameters.Add(SqlDialect.For(db.Database).Parameter("@id", messageId, DbType.Int64));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(InboxDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }
}
