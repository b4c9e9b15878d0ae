using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Moves existing <see cref="ScheduledAutomation"/> rows to new due times with one statement per couple of hundred rows:
/// every customer message moves its conversation's two reminders, and a webhook batch's hundred tracked updates were
/// a hundred statements. The row becomes what <see cref="AutomationScheduler.ApplyAsync"/> makes of any scheduled row:
/// waiting, at its new due time, with no failures and no outcome.
/// </summary>
internal static class AutomationMoves
{
    /// <summary>Rows per statement: two parameters each, far below either engine's limit.</summary>
    private const int Chunk = 200;

    /// <summary>Runs on the context's connection, inside its transaction when one is open.</summary>
    public static async Task MoveAsync(InboxDbContext db, IReadOnlyList<(long Id, DateTime Due)> moves, DateTime now, CancellationToken cancellationToken)
    {
        var dialect = SqlDialect.For(db.Database);
        foreach (var chunk in moves.Chunk(Chunk))
        {
            // CASE rather than UPDATE … FROM (VALUES …): the same text runs on SQLite and PostgreSQL.
            var sql = new StringBuilder("""UPDATE "ScheduledAutomations" SET "State" = @state, "Failures" = 0, "Outcome" = NULL, "UpdatedAt" = @now, "DueAt" = CASE "Id" """);
            var parameters = new List<DbParameter>
            {
                dialect.Parameter("@state", nameof(AutomationState.Scheduled), DbType.String),
                dialect.Parameter("@now", Utc(now), DbType.DateTime),
            };
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"WHEN @i{i} THEN @d{i} ");
                parameters.Add(dialect.Parameter($"@i{i}", chunk[i].Id, DbType.Int64));
                parameters.Add(dialect.Parameter($"@d{i}", Utc(chunk[i].Due), DbType.DateTime));
            }

            sql.Append("""END WHERE "Id" IN (""").AppendJoin(", ", Enumerable.Range(0, chunk.Length).Select(i => $"@i{i}")).Append(')');
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }

    /// <summary>As <see cref="UtcDateTimeConverter"/> stores an instant, so a moved row reads and compares as a saved one.</summary>
    private static DateTime Utc(DateTime instant) => instant.Kind == DateTimeKind.Utc ? instant : instant.ToUniversalTime();
}
