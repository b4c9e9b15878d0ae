using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Contacts;

/// <summary>Reads the contact panel: a customer's identities and conversations across channels, and merge candidates.</summary>
public sealed class ContactProfiles(IDbContextFactory<InboxDbContext> contexts)
{
    /// <summary>The profile of the customer behind <paramref name="contactId"/>, or null when there is no such contact.</summary>
    public async Task<ContactProfile?> GetAsync(int contactId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var personId = contact.PersonId;
        var identities = await db.Contacts.AsNoTracking()
            .Where(c => c.Id == contactId || (personId != null && c.PersonId == personId))
            .OrderBy(c => c.Id)
            .Select(c => new ContactIdentity(c.Id, c.Name, c.ExternalId, c.Channel!.Name, c.Channel.Kind, c.Phone != c.ExternalId ? c.Phone : null, c.Username))
            .ToListAsync(cancellationToken);
        var ids = identities.Select(i => i.ContactId).ToList();
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.ContactId))
            .OrderByDescending(c => c.LastMessageAt)
            .Select(c => new ContactConversation(c.Id, c.Channel!.Name, c.Channel.Kind, c.Kind, c.Status, c.LastMessageAt, c.LastMessagePreview))
            .ToListAsync(cancellationToken);
        return new ContactProfile(contact.Id, contact.Name, personId, identities, conversations, contact.Language);
    }

    /// <summary>Contacts whose name contains <paramref name="text"/>, other than this customer's own identities; at most 10.</summary>
    public async Task<IReadOnlyList<ContactIdentity>> SearchAsync(int contactId, string text, CancellationToken cancellationToken = default)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var personId = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.PersonId).SingleOrDefaultAsync(cancellationToken);
        var pattern = TextSearch.ContainsPattern(trimmed);
        return await db.Contacts.AsNoTracking()
            .Where(c => c.Id != contactId && (personId == null || c.PersonId != personId))
            .Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, TextSearch.Escape))
            .OrderBy(c => c.Name)
            .Take(10)
            .Select(c => new ContactIdentity(c.Id, c.Name, c.ExternalId, c.Channel!.Name, c.Channel.Kind, c.Phone != c.ExternalId ? c.Phone : null, c.Username))
            .ToListAsync(cancellationToken);
    }
}
