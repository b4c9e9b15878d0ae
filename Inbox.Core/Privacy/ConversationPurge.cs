using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Privacy;

/// <summary>
/// Deletes conversations and the contacts left without one; shared by retention and erasure. The database cascades a
/// conversation's delete to its messages (queued sends included), notes, activity, report facts and scheduled
/// automations; a Hangfire job already armed for one finds no claim row and does nothing.
/// </summary>
internal static class ConversationPurge
{
    /// <summary>Deletes the conversations; returns how many messages and notes went with them.</summary>
    public static async Task<(int Conversations, int Messages, int Notes)> DeleteAsync(InboxDbContext db, IReadOnlyCollection<int> conversationIds, CancellationToken cancellationToken)
    {
        if (conversationIds.Count == 0)
        {
            return (0, 0, 0);
        }

        var messages = await db.Messages.CountAsync(m => conversationIds.Contains(m.ConversationId), cancellationToken);
        var notes = await db.Set<Note>().CountAsync(n => conversationIds.Contains(n.ConversationId), cancellationToken);
        var deleted = await db.Conversations.Where(c => conversationIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        return (deleted, messages, notes);
    }

    /// <summary>
    /// Deletes those of the contacts that no conversation refers to any more, and keeps merged people whole: a person
    /// left with one contact is dissolved (as a split does), one left with none is deleted.
    /// </summary>
    public static async Task<int> DeleteContactsWithoutConversationsAsync(InboxDbContext db, IReadOnlyCollection<int> contactIds, CancellationToken cancellationToken)
    {
        var orphans = await db.Contacts.Where(c => contactIds.Contains(c.Id) && !db.Conversations.Any(v => v.ContactId == c.Id))
            .Select(c => new { c.Id, c.PersonId }).ToListAsync(cancellationToken);
        if (orphans.Count == 0)
        {
            return 0;
        }

        var ids = orphans.Select(o => o.Id).ToList();
        var deleted = await db.Contacts.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        var people = orphans.Where(o => o.PersonId is not null).Select(o => o.PersonId!.Value).Distinct().ToList();
        foreach (var personId in people)
        {
            if (await db.Contacts.CountAsync(c => c.PersonId == personId, cancellationToken) <= 1)
            {
                await db.Contacts.Where(c => c.PersonId == personId).ExecuteUpdateAsync(s => s.SetProperty(c => c.PersonId, (int?)null), cancellationToken);
                await db.People.Where(p => p.Id == personId).ExecuteDeleteAsync(cancellationToken);
            }
        }

        return deleted;
    }
}
