using Inbox.Core.Audit;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Privacy;

/// <summary>
/// Applies <see cref="RetentionOptions"/>: clears old raw webhook bodies and deletes long-resolved conversations, in
/// batches, each batch in its own turn of the ingest write gate so webhook traffic keeps flowing. Idempotent: a second
/// run finds nothing more to do. Nothing unprocessed is touched: pending and failed deliveries keep their bodies, and a
/// conversation with a reply still queued or sending is kept.
/// </summary>
public sealed partial class DataRetention(
    IDbContextFactory<InboxDbContext> contexts,
    IngestWriteGate gate,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    AuditLog audit,
    ILogger<DataRetention> logger)
{
    public const string Actor = "retention";

    /// <summary>One run: both rules, then one audit entry with the counts.</summary>
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var bodies = settings.WebhookBodies is { } bodyAge ? await ClearWebhookBodiesAsync(now - bodyAge, settings.BatchSize, cancellationToken) : 0;
        var report = settings.ResolvedConversations is { } resolvedAge
            ? await DeleteResolvedAsync(now - resolvedAge, settings.BatchSize, cancellationToken) with { WebhookBodiesCleared = bodies }
            : new RetentionReport(bodies, 0, 0, 0, 0);

        LogRun(logger, report.WebhookBodiesCleared, report.ConversationsDeleted, report.MessagesDeleted, report.NotesDeleted, report.ContactsDeleted);
        var kept = (settings.WebhookBodies is null ? "; webhook bodies kept (no limit)" : "")
            + (settings.ResolvedConversations is null ? "; resolved conversations kept (no limit)" : "");
        await audit.RecordAsync(Actor, "retention.ran", "data retention", report + kept, cancellationToken);
        return report;
    }

    private async Task<int> ClearWebhookBodiesAsync(DateTime processedBefore, int batchSize, CancellationToken cancellationToken)
    {
        var (cleared, after) = (0, 0L);
        while (true)
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var ids = await db.WebhookDeliveries
                .Where(d => d.Id > after && d.State == WebhookDeliveryState.Processed && d.ProcessedAt < processedBefore && d.Body != "")
                .OrderBy(d => d.Id).Select(d => d.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return cleared;
            }

            // The state is checked again in the update itself: only a processed delivery ever loses its body.
            cleared += await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.State == WebhookDeliveryState.Processed)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, ""), cancellationToken);
            after = ids[^1];
        }
    }

    private async Task<RetentionReport> DeleteResolvedAsync(DateTime resolvedBefore, int batchSize, CancellationToken cancellationToken)
    {
        var total = new RetentionReport(0, 0, 0, 0, 0);
        var after = 0;
        while (true)
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Resolved at: the last status change, as the reports read it; nothing said or changed since the cut-off.
            var batch = await db.Conversations
                .Where(c => c.Id > after && c.Status == ConversationStatus.Resolved && (c.LastMessageAt ?? c.CreatedAt) < resolvedBefore)
                .Where(c => !db.Activities.Any(a => a.ConversationId == c.Id && a.Kind == ActivityKind.StatusChanged && a.At >= resolvedBefore))
                .Where(c => !db.Messages.Any(m => m.ConversationId == c.Id && (m.Status == DeliveryStatus.Queued || m.Status == DeliveryStatus.Sending)))
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.ContactId }).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            var (conversations, messages, notes) = await ConversationPurge.DeleteAsync(db, batch.Select(c => c.Id).ToList(), cancellationToken);
            var contacts = await ConversationPurge.DeleteContactsWithoutConversationsAsync(db, batch.Select(c => c.ContactId).Distinct().ToList(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total = total with
            {
                ConversationsDeleted = total.ConversationsDeleted + conversations,
                MessagesDeleted = total.MessagesDeleted + messages,
                NotesDeleted = total.NotesDeleted + notes,
                ContactsDeleted = total.ContactsDeleted + contacts,
            };
            after = batch[^1].Id;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention: {Bodies} webhook bodies cleared, {Conversations} resolved conversations deleted with {Messages} messages and {Notes} notes, {Contacts} contacts deleted.")]
    private static partial void LogRun(ILogger logger, int bodies, int conversations, int messages, int notes, int contacts);
}
