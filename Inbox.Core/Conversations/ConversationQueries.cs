using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Conversations;

/// <summary>Reads conversations for the inbox and the API. Windows and deadlines come from <see cref="ReplyPolicy"/>.</summary>
public sealed class ConversationQueries(IDbContextFactory<InboxDbContext> contexts, ReplyPolicy policy, TimeProvider time)
{
    /// <summary>Lists conversations matching the filter; expiry order puts the soonest window end first, conversations without a deadline last.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(ConversationFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var summaries = await SummariesAsync(Narrow(db.Conversations, filter), cancellationToken);

        if (filter.ExpiringWithin is { } within)
        {
            var now = time.GetUtcNow().UtcDateTime;
            summaries = summaries.Where(s => ExpiresBetween(s, now, now + within)).ToList();
        }

        if (filter.SortByExpiry)
        {
            summaries = summaries
                .Select(s => (Summary: s, Deadline: policy.Evaluate(s.Facts).Deadline))
                .OrderBy(x => x.Summary.ReopeningWarningAt is null) // expired while closed: first in the queue on reopening
                .ThenBy(x => x.Deadline is null)
                .ThenBy(x => x.Deadline)
                .Select(x => x.Summary)
                .ToList();
        }

        return summaries;
    }

    /// <summary>
    /// How many conversations each saved view holds for <paramref name="agentId"/>, within the channel, team and
    /// search narrowing of <paramref name="filter"/> (its status is ignored: every view has its own).
    /// </summary>
    public async Task<IReadOnlyDictionary<InboxView, int>> CountViewsAsync(ConversationFilter filter, int? agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var narrowed = Narrow(db.Conversations, filter with { Status = null, AssigneeId = null, Unassigned = false });
        var active = await SummariesAsync(narrowed.Where(c => c.Status != ConversationStatus.Resolved), cancellationToken);
        var resolved = await narrowed.CountAsync(c => c.Status == ConversationStatus.Resolved, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var open = active.Where(s => s.Status == ConversationStatus.Open).ToList();
        return new Dictionary<InboxView, int>
        {
            [InboxView.Mine] = open.Count(s => agentId is not null && s.AssigneeId == agentId),
            [InboxView.Unassigned] = open.Count(s => s.AssigneeId is null),
            [InboxView.AllOpen] = open.Count,
            [InboxView.Expiring] = open.Count(s => ExpiresBetween(s, now, now + InboxViews.ExpiringSoon)),
            [InboxView.Pending] = active.Count - open.Count,
            [InboxView.Resolved] = resolved,
        };
    }

    /// <summary>One conversation's inbox row, or null when it does not exist or is outside <paramref name="scope"/>.</summary>
    public async Task<ConversationSummary?> GetSummaryAsync(int id, ConversationScope? scope = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = (scope ?? ConversationScope.Everything).Apply(db.Conversations).Where(c => c.Id == id);
        return (await SummariesAsync(query, cancellationToken)).SingleOrDefault();
    }

    /// <summary>One conversation with its messages in time order, or null when it does not exist or is outside <paramref name="scope"/>.</summary>
    public async Task<Conversation?> GetAsync(int id, ConversationScope? scope = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (scope ?? ConversationScope.Everything).Apply(db.Conversations).AsNoTracking()
            .Include(c => c.Channel)
            .Include(c => c.Contact)
            .Include(c => c.Assignee)
            .Include(c => c.Messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id)).ThenInclude(m => m.Attachments.OrderBy(a => a.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    private static bool ExpiresBetween(ConversationSummary summary, DateTime now, DateTime until) =>
        ReplyPolicy.Evaluate(summary.Facts, now).Deadline is { } deadline && deadline > now && deadline <= until;

    private static IQueryable<Conversation> Narrow(IQueryable<Conversation> query, ConversationFilter filter)
    {
        query = (filter.Scope ?? ConversationScope.Everything).Apply(query);
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

        if (filter.Unassigned)
        {
            query = query.Where(c => c.AssigneeId == null);
        }

        if (filter.TeamId is { } team)
        {
            query = query.Where(c => c.TeamId == team);
        }

        if (filter.ContactExternalId is { Length: > 0 } contact)
        {
            // WhatsApp contacts answer to their BSUID and to their phone number (with or without the leading +).
            var phone = contact.TrimStart('+');
            query = query.Where(c => c.Contact!.ExternalId == contact || c.Contact.Phone == phone);
        }

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = TextSearch.ContainsPattern(search);
            query = query.Where(c => EF.Functions.Like(c.Contact!.Name.ToLower(), pattern, TextSearch.Escape)
                || c.Messages.Any(m => EF.Functions.Like(m.Text!.ToLower(), pattern, TextSearch.Escape)));
        }

        return query;
    }

    private static async Task<List<ConversationSummary>> SummariesAsync(IQueryable<Conversation> query, CancellationToken cancellationToken)
    {
        // One query: the conversation with its channel (which holds the LINE quota the policy needs), contact and assignee.
        var rows = await query.AsNoTracking()
            .Include(c => c.Channel)
            .Include(c => c.Contact)
            .Include(c => c.Assignee)
            .OrderByDescending(c => c.LastMessageAt)
            .ToListAsync(cancellationToken);

        return rows.Select(c => new ConversationSummary(
            c.Id, c.Kind, c.Channel!.Key, c.Channel.Name, c.Channel.Kind,
            c.Contact!.Id, c.Contact.Name, c.Contact.ExternalId, c.Status,
            c.AssigneeId, c.Assignee?.Name, c.LastInboundAt, c.LastMessageAt,
            c.LastMessagePreview, c.UnreadCount,
            ConversationFacts.Of(c), c.ReopeningWarningAt)).ToList();
    }
}
