using Inbox.Core.Audit;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Privacy;

/// <summary>
/// Erases one contact on request: their conversations with every message, note, activity entry, report fact, pending
/// automation and queued send; the contact row with its platform ids (PSID, IGSID, BSUID, phone, LINE user id),
/// name and username; and the raw bodies of processed webhooks that named them. The audit keeps who erased which
/// contact id and when, never the content. A later message from the same platform user finds no contact and starts a
/// new, empty one.
/// </summary>
public sealed partial class ContactErasure(
    IDbContextFactory<InboxDbContext> contexts, IngestWriteGate gate, AuditLog audit, ILogger<ContactErasure> logger)
{
    /// <summary>Erases the contact in one transaction; null when it does not exist (or was already erased).</summary>
    public async Task<ErasureReport?> EraseAsync(int contactId, string actor, CancellationToken cancellationToken = default)
    {
        // In the ingest turn: no webhook is being recorded against this contact while it goes.
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var conversationIds = await db.Conversations.Where(c => c.ContactId == contactId).Select(c => c.Id).ToListAsync(cancellationToken);
        var (conversations, messages, notes) = await ConversationPurge.DeleteAsync(db, conversationIds, cancellationToken);
        await ConversationPurge.DeleteContactsWithoutConversationsAsync(db, [contactId], cancellationToken);
        var bodies = await ClearWebhookBodiesAsync(db, contact, cancellationToken);
        var report = new ErasureReport(contactId, conversations, messages, notes, bodies);
        audit.Add(db, actor, "contact.erased", $"contact {contactId}", report.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogErased(logger, actor, contactId, conversations, messages, notes, bodies);
        return report;
    }

    /// <summary>
    /// Processed deliveries whose body names one of the contact's platform ids as a JSON string. Pending and failed
    /// ones are left alone (nothing unprocessed is deleted); what they carry that was already recorded is not recorded
    /// again, since its event ids stay marked as handled.
    /// </summary>
    private static async Task<int> ClearWebhookBodiesAsync(InboxDbContext db, Contact contact, CancellationToken cancellationToken)
    {
        var cleared = 0;
        foreach (var id in new[] { contact.ExternalId, contact.Phone, contact.ParentUserId }.OfType<string>().Where(i => i.Length > 0).Distinct())
        {
            var quoted = $"\"{id}\"";
            cleared += await db.WebhookDeliveries
                .Where(d => d.State == WebhookDeliveryState.Processed && (d.ChannelId == null || d.ChannelId == contact.ChannelId) && d.Body.Contains(quoted))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, ""), cancellationToken);
        }

        return cleared;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Actor} erased contact {ContactId}: {Conversations} conversations, {Messages} messages, {Notes} notes, {Bodies} webhook bodies cleared.")]
    private static partial void LogErased(ILogger logger, string actor, int contactId, int conversations, int messages, int notes, int bodies);
}
