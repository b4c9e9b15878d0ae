using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Conversations;

/// <summary>Internal notes: written by agents, shown in the timeline, never sent.</summary>
public sealed class ConversationNotes(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    public const int MaxLength = 5000;

    /// <summary>Adds a note; notes are allowed whatever the platform window says.</summary>
    public async Task<CommandResult> AddAsync(int conversationId, string text, int? agentId, string authorName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CommandResult.Invalid(new Phrase("The note is empty."));
        }

        if (text.Trim().Length > MaxLength)
        {
            return CommandResult.Invalid(new Phrase("The note is {0} characters; notes hold at most {1}.", text.Trim().Length, MaxLength));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken))
        {
            return CommandResult.NotFound(new Phrase("Conversation {0} does not exist.", conversationId));
        }

        db.Set<Note>().Add(new Note
        {
            ConversationId = conversationId,
            AgentId = agentId,
            AuthorName = authorName,
            Text = text.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done();
    }

    /// <summary>A conversation's notes, oldest first.</summary>
    public async Task<IReadOnlyList<Note>> ListAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Note>().AsNoTracking()
            .Where(n => n.ConversationId == conversationId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .ToListAsync(cancellationToken);
    }
}
