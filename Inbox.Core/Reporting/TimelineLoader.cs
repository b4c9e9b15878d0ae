using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>Reads conversations' timelines for <see cref="TurnBuilder"/>: a few conversations through their (ConversationId, SentAt) index, or all of them streamed for a rebuild.</summary>
internal static class TimelineLoader
{
    /// <summary>
    /// The timelines of these conversations (those that exist), in three reads whatever their number: a webhook batch
    /// rebuilds the facts of all its conversations at once, where one read per conversation cost a quarter of its processing.
    /// </summary>
    public static async Task<List<ConversationTimeline>> LoadManyAsync(InboxDbContext db, IReadOnlyCollection<int> conversationIds, CancellationToken cancellationToken)
    {
        var headers = await Headers(db.Conversations.Where(c => conversationIds.Contains(c.Id))).ToListAsync(cancellationToken);
        if (headers.Count == 0)
        {
            return [];
        }

        var ids = headers.Select(h => h.ConversationId).ToList();
        var rows = await Messages(db.Messages.Where(m => ids.Contains(m.ConversationId)).OrderBy(m => m.ConversationId).ThenBy(m => m.SentAt).ThenBy(m => m.Id))
            .ToListAsync(cancellationToken);
        var messages = rows.GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToList());
        var resolved = headers.Where(h => h.Status == ConversationStatus.Resolved).Select(h => h.ConversationId).ToList();
        var doneAt = resolved.Count == 0
            ? []
            : await db.Activities.Where(a => resolved.Contains(a.ConversationId) && a.Kind == ActivityKind.StatusChanged)
                .GroupBy(a => a.ConversationId).Select(g => new { g.Key, At = g.Max(a => a.At) })
                .ToDictionaryAsync(x => x.Key, x => x.At, cancellationToken);
        return [.. headers.Select(h => Timeline(h, doneAt, messages.GetValueOrDefault(h.ConversationId) ?? []))];
    }

    /// <summary>Every conversation's timeline, one at a time, reading Messages once in (ConversationId, SentAt) order.</summary>
    public static async IAsyncEnumerable<ConversationTimeline> StreamAllAsync(
        InboxDbContext db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var headers = await Headers(db.Conversations).ToDictionaryAsync(h => h.ConversationId, cancellationToken);
        var doneAt = await db.Activities.Where(a => a.Kind == ActivityKind.StatusChanged)
            .GroupBy(a => a.ConversationId).Select(g => new { g.Key, At = g.Max(a => a.At) })
            .ToDictionaryAsync(x => x.Key, x => x.At, cancellationToken);
        var current = new List<TimelineMessage>();
        var currentId = -1;
        var ordered = db.Messages.OrderBy(m => m.ConversationId).ThenBy(m => m.SentAt).ThenBy(m => m.Id);
        await foreach (var row in Messages(ordered).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.ConversationId != currentId && current.Count > 0)
            {
                yield return Timeline(headers[currentId], doneAt, current);
                current = [];
            }

            currentId = row.ConversationId;
            current.Add(row.Message);
        }

        if (current.Count > 0)
        {
            yield return Timeline(headers[currentId], doneAt, current);
        }
    }

    private static ConversationTimeline Timeline(Header header, Dictionary<int, DateTime> doneAt, List<TimelineMessage> messages) =>
        header.ToTimeline(header.Status == ConversationStatus.Resolved ? doneAt.GetValueOrDefault(header.ConversationId, header.LastMessageAt ?? default) : null, messages);

    private static IQueryable<Header> Headers(IQueryable<Conversation> conversations) => conversations.AsNoTracking().Select(c => new Header(
        c.Id, c.ChannelId, c.Channel!.Kind, c.Kind, c.StartedFromAd, c.TeamId, c.AssigneeId, c.Status, c.LastMessageAt));

    private static IQueryable<Row> Messages(IQueryable<Message> messages) => messages.AsNoTracking().Select(m => new Row(
        m.ConversationId, new TimelineMessage(m.Id, m.SentAt, m.Author, m.Status, m.ReplyType, m.AgentId, m.Standby)));

    private sealed record Row(int ConversationId, TimelineMessage Message);

    private sealed record Header(
        int ConversationId, int ChannelId, Channels.ChannelKind ChannelKind, ConversationKind Kind, bool StartedFromAd,
        int? TeamId, int? AssigneeId, ConversationStatus Status, DateTime? LastMessageAt)
    {
        public ConversationTimeline ToTimeline(DateTime? doneAt, IReadOnlyList<TimelineMessage> messages) =>
            new(ConversationId, ChannelId, ChannelKind, Kind, StartedFromAd, TeamId, AssigneeId, doneAt, messages);
    }
}
