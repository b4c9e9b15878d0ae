using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Conversations;

/// <summary>Reads conversations for the inbox and the API. Windows and deadlines come from <see cref="ReplyPolicy"/>.</summary>
public sealed class ConversationQueries(IDbContextFactory<InboxDbContext> contexts, ReplyPolicy policy)
{
    /// <summary>Lists conversations matching the filter; expiry order puts the soonest window end first, conversations without a deadline last.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(ConversationFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Conversations.AsNoTracking().AsQueryable();
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.ChannelKey is { Length: > 0 } key)
        {
            query = query.Where(c => c.Channel!.Key == key);
        }

        if (filter.ChannelKind is { } kind)
        {
            query = query.Where(c => c.Channel!.Kind == kind);
        }

        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(c => c.AssigneeId == assignee);
        }

        if (filter.ContactExternalId is { Length: > 0 } contact)
        {
            query = query.Where(c => c.Contact!.ExternalId == contact);
        }

        if (filter.Search is { Length: > 0 } search)
        {
            var pattern = $"%{search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(c => EF.Functions.Like(c.Contact!.Name, pattern, "\\")
                || c.Messages.Any(m => EF.Functions.Like(m.Text, pattern, "\\")));
        }

        var rows = await query
            .OrderByDescending(c => c.LastMessageAt)
            .Select(c => new
            {
                Conversation = c,
                c.Channel,
                c.Contact,
                AssigneeName = c.Assignee != null ? c.Assignee.Name : null,
            })
            .ToListAsync(cancellationToken);

        var summaries = rows.Select(r => new ConversationSummary(
            r.Conversation.Id, r.Conversation.Kind, r.Channel!.Key, r.Channel.Name, r.Channel.Kind,
            r.Contact!.Id, r.Contact.Name, r.Contact.ExternalId, r.Conversation.Status,
            r.Conversation.AssigneeId, r.AssigneeName, r.Conversation.LastInboundAt, r.Conversation.LastMessageAt,
            r.Conversation.LastMessagePreview, r.Conversation.UnreadCount,
            ConversationFacts.Of(r.Conversation, r.Channel))).ToList();

        if (filter.SortByExpiry)
        {
            summaries = summaries
                .Select(s => (Summary: s, Deadline: policy.Evaluate(s.Facts).Deadline))
                .OrderBy(x => x.Deadline is null)
                .ThenBy(x => x.Deadline)
                .Select(x => x.Summary)
                .ToList();
        }

        return summaries;
    }

    /// <summary>One conversation with its messages in time order, or null when it does not exist.</summary>
    public async Task<Conversation?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Include(c => c.Channel)
            .Include(c => c.Contact)
            .Include(c => c.Assignee)
            .Include(c => c.Messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }
}
