using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Inbox.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>
/// Keeps the facts of one conversation up to date: its turns are rebuilt from its own messages (a few rows through
/// their index) whenever a customer writes, a reply leaves, or its assignment or status changes; each sent message
/// gets its send fact once.
/// </summary>
public sealed class ResponseFactsUpdater(IDbContextFactory<InboxDbContext> contexts, IReportingCalendar calendar)
{
    public async Task RefreshConversationAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var timeline = await TimelineLoader.LoadAsync(db, conversationId, cancellationToken);
        await db.Set<ResponseFact>().Where(f => f.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
        if (timeline is not null)
        {
            db.Set<ResponseFact>().AddRange(TurnBuilder.Build(timeline, calendar));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records that an outbound message left, once; later status updates of the same message change nothing.</summary>
    public async Task RecordSendAsync(long messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<SendFact>().AnyAsync(f => f.MessageId == messageId, cancellationToken))
        {
            return;
        }

        var fact = await SendFacts(db, db.Messages.Where(m => m.Id == messageId)).SingleOrDefaultAsync(cancellationToken);
        if (fact is not null)
        {
            db.Set<SendFact>().Add(fact);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Send facts for the outbound messages among <paramref name="messages"/> that left, with their template's category.</summary>
    internal static IQueryable<SendFact> SendFacts(InboxDbContext db, IQueryable<Message> messages) =>
        from m in messages
        where m.Direction == MessageDirection.Outbound && m.ReplyType != null && m.Author != MessageAuthor.Echo
              && (m.Status == DeliveryStatus.Sent || m.Status == DeliveryStatus.Delivered || m.Status == DeliveryStatus.Read)
        select new SendFact
        {
            MessageId = m.Id,
            ConversationId = m.ConversationId,
            ChannelId = m.ChannelId,
            SentAt = m.SentAt,
            ReplyType = m.ReplyType!.Value,
            Automated = m.Author == MessageAuthor.Automation,
            AgentId = m.AgentId,
            TemplateCategory = m.TemplateName == null ? null : db.Set<MessageTemplate>()
                .Where(t => t.Name == m.TemplateName && t.Language == m.TemplateLanguage && (t.ChannelId == null || t.ChannelId == m.ChannelId))
                .OrderByDescending(t => t.ChannelId)
                .Select(t => (TemplateCategory?)t.Category)
                .FirstOrDefault(),
        };
}
