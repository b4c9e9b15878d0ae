using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Contacts;

/// <summary>
/// Merges the same customer's contacts from different channels into one <see cref="Person"/>, and splits them again.
/// Only the contacts' person link changes: no message, conversation or contact is deleted or moved, so nothing of
/// the history is lost and a split gives back exactly what was there.
/// </summary>
public sealed class ContactMerge(IDbContextFactory<InboxDbContext> contexts, ILogger<ContactMerge> logger)
{
    /// <summary>Makes <paramref name="otherContactId"/> (with any contacts already merged with it) the same person as <paramref name="contactId"/>.</summary>
    public async Task<CommandResult> MergeAsync(int contactId, int otherContactId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.Include(c => c.Person).SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        var other = await db.Contacts.Include(c => c.Person).SingleOrDefaultAsync(c => c.Id == otherContactId, cancellationToken);
        if (contact is null || other is null)
        {
            return CommandResult.NotFound(new Phrase("Contact {0} does not exist.", contact is null ? contactId : otherContactId));
        }

        if (contact.Id == other.Id || (contact.PersonId is not null && contact.PersonId == other.PersonId))
        {
            return CommandResult.Invalid(new Phrase("{0} is already the same person as {1}.", other.Name, contact.Name));
        }

        var person = contact.Person ?? other.Person ?? new Person { DisplayName = contact.Name };
        var joining = other.PersonId is { } otherPerson && otherPerson != person.Id
            ? await db.Contacts.Where(c => c.PersonId == otherPerson).ToListAsync(cancellationToken)
            : [other];
        var emptied = other.Person is { } left && left != person ? left : null;
        foreach (var joiner in joining.Append(contact))
        {
            joiner.Person = person;
        }

        if (emptied is not null)
        {
            // The other person's every contact now belongs to this one; the empty record holds nothing but a name.
            db.People.Remove(emptied);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} merged contact {Other} into person {Person} with contact {Contact}.", actor, other.Id, person.Id, contact.Id);
        return CommandResult.Done();
    }

    /// <summary>Takes the contact out of its person again; a person left with one contact is dissolved.</summary>
    public async Task<CommandResult> SplitAsync(int contactId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return CommandResult.NotFound(new Phrase("Contact {0} does not exist.", contactId));
        }

        if (contact.PersonId is not { } personId)
        {
            return CommandResult.Invalid(new Phrase("{0} is not merged with anyone.", contact.Name));
        }

        contact.PersonId = null;
        var rest = await db.Contacts.Where(c => c.PersonId == personId && c.Id != contactId).ToListAsync(cancellationToken);
        var dissolve = rest.Count <= 1;
        if (dissolve)
        {
            rest.ForEach(c => c.PersonId = null);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (dissolve)
        {
            await db.People.Where(p => p.Id == personId).ExecuteDeleteAsync(cancellationToken);
        }

        logger.LogInformation("{Actor} split contact {Contact} from person {Person}.", actor, contactId, personId);
        return CommandResult.Done();
    }
}
