using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// One transaction of inbound work, over one or many webhook deliveries, and what it raised: the events are published
/// (and CSAT answers recorded) only after it committed, so nothing is announced that a rollback could take back.
/// </summary>
/// <remarks>
/// A <em>batch</em> unit reads the keys, contacts and conversations of all its items up front and saves once at the
/// end, so a hundred messages cost a handful of queries and one save; a refused save fails the whole batch, which the
/// processor then retries delivery by delivery. A <em>single</em> unit saves each item on its own, so a duplicate
/// caught by a unique index is undone alone.
/// </remarks>
public sealed class InboundUnit
{
    private readonly Dictionary<int, Channel> channels = [];
    private readonly List<(Message Message, bool NewConversation, (int Score, DateTime At)? Csat)> recorded = [];
    private HashSet<(int ChannelId, string EventId)>? knownKeys;

    private InboundUnit(InboxDbContext db, bool batch) => (Db, Batch) = (db, batch);

    public InboxDbContext Db { get; }

    /// <summary>Saves once, at the end (<see cref="SaveAsync"/>), instead of after every item.</summary>
    public bool Batch { get; }

    public List<MessageStatusChanged> StatusChanges { get; } = [];

    /// <summary>After the save: the customer messages recorded, once each.</summary>
    public IReadOnlyList<MessageReceived> Received =>
        [.. recorded.Where(r => r.Message.Author == MessageAuthor.Customer)
            .Select(r => new MessageReceived(r.Message.ConversationId, r.Message.Id, r.Message.ChannelId, r.NewConversation, r.Message.Standby))];

    /// <summary>After the save: the CSAT ratings among them.</summary>
    public IEnumerable<(int ConversationId, int Score, DateTime At)> CsatAnswers =>
        recorded.Where(r => r.Csat is not null).Select(r => (r.Message.ConversationId, r.Csat!.Value.Score, r.Csat!.Value.At));

    public static InboundUnit Single(InboxDbContext db) => new(db, batch: false);

    /// <summary>A batch over these items: their event keys, contacts and those contacts' direct conversations are read now, in three queries.</summary>
    public static async Task<InboundUnit> BatchAsync(InboxDbContext db, IReadOnlyList<(int ChannelId, InboundItem Item)> items, CancellationToken cancellationToken)
    {
        var unit = new InboundUnit(db, batch: true);

        // Many lookups in Local per batch: each would scan every tracked entity for changes; once, before the save, is enough.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var eventIds = items.Where(i => i.Item.EventId is not null).Select(i => i.Item.EventId!).Distinct().ToList();
        var keys = await db.InboundEvents.AsNoTracking().Where(e => eventIds.Contains(e.EventId)).Select(e => new { e.ChannelId, e.EventId }).ToListAsync(cancellationToken);
        unit.knownKeys = [.. keys.Select(k => (k.ChannelId, k.EventId))];

        var people = items.Select(i => i.Item switch
        {
            InboundMessage m => new[] { m.SenderId, m.Identity?.UserId, m.Identity?.Phone },
            InboundEcho e => [e.RecipientId],
            InboundComment c => [c.AuthorId],
            _ => [],
        }).SelectMany(ids => ids).OfType<string>().Distinct().ToList();
        var contacts = await db.Contacts.Where(c => people.Contains(c.ExternalId) || (c.Phone != null && people.Contains(c.Phone))).ToListAsync(cancellationToken);
        var contactIds = contacts.Select(c => c.Id).ToList();
        await db.Conversations.Where(c => contactIds.Contains(c.ContactId) && c.Kind == ConversationKind.Direct).LoadAsync(cancellationToken);
        return unit;
    }

    /// <summary>Whether the event was already recorded, before this unit or earlier in it.</summary>
    public async Task<bool> IsKnownAsync(int channelId, string eventId, CancellationToken cancellationToken) =>
        knownKeys is not null
            ? knownKeys.Contains((channelId, eventId))
            : await Db.InboundEvents.AnyAsync(e => e.ChannelId == channelId && e.EventId == eventId, cancellationToken);

    /// <summary>Notes a recorded event: its key, and the message it stored (if any) for the events after the save.</summary>
    public void Recorded(int channelId, string eventId, Message? message, bool newConversation, (int Score, DateTime At)? csat)
    {
        knownKeys?.Add((channelId, eventId));
        if (message is not null)
        {
            recorded.Add((message, newConversation, csat));
        }
    }

    /// <summary>The channel, read once per unit and untracked (inbound work never changes it).</summary>
    public async Task<Channel> ChannelAsync(int channelId, CancellationToken cancellationToken)
    {
        if (!channels.TryGetValue(channelId, out var channel))
        {
            channels[channelId] = channel = await Db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, cancellationToken);
        }

        return channel;
    }

    /// <summary>A batch's one save, before the commit.</summary>
    public Task SaveAsync(CancellationToken cancellationToken)
    {
        Db.ChangeTracker.DetectChanges();
        return Db.SaveChangesAsync(cancellationToken);
    }
}
