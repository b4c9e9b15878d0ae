using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Contacts;

/// <summary>Sets the language a customer is written to in (away message, CSAT question, follow-up), from the contact panel.</summary>
public sealed class ContactLanguage(IDbContextFactory<InboxDbContext> contexts)
{
    /// <summary>Sets or (with null or empty) clears the contact's language; refuses a tag .NET does not know.</summary>
    public async Task<CommandResult> SetAsync(int contactId, string? language, CancellationToken cancellationToken = default)
    {
        var tag = Languages.Normalize(language);
        if (tag is null && !string.IsNullOrWhiteSpace(language))
        {
            return CommandResult.Invalid(new Phrase("\"{0}\" is not a language tag this server knows (use one like pt-BR, es or ja).", language.Trim()));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Language, tag), cancellationToken);
        return updated == 0 ? CommandResult.NotFound(new Phrase("This contact does not exist.")) : CommandResult.Done();
    }
}
