using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Scheduling;

/// <summary>Writes what automations did, or why they stood down, into the conversation's activity log.</summary>
internal static class AutomationLog
{
    public const string Actor = "Automation";

    public static async Task WriteAsync(IDbContextFactory<InboxDbContext> contexts, int conversationId, Phrase detail, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Activities.Add(new ConversationActivity
        {
            ConversationId = conversationId,
            At = now,
            Kind = ActivityKind.Automation,
            Actor = Actor,
            Detail = "",
        }.Saying(detail));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The conversation with its channel and contact, untracked, or null.</summary>
    public static Task<Conversation?> LoadAsync(InboxDbContext db, int conversationId, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().Include(c => c.Channel).Include(c => c.Contact).SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
}
