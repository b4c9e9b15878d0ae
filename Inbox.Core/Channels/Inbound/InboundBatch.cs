using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// The inbound items of one transaction (one delivery or many) and what they raised. The event keys, stored platform
/// message ids, contacts and direct conversations the items refer to are read up front, so a hundred messages cost a
/// handful of queries and one save; copies are recognised here, before the save, and a unique index refusing the save
/// is a last guard only. The events wait until after the commit, so nothing is announced that a rollback takes back.
/// </summary>
public sealed class InboundBatch
{
    private readonly Dictionary<int, Channel> channels = [];
    private readonly List<(Message Message, bool NewConversation, (int Score, DateTime At)? Csat)> recorded = [];
    private readonly HashSet<(int ChannelId, string EventId)> eventKeys;
    private readonly HashSet<(int ChannelId, string PlatformMessageId)> messageIds;

    private InboundBatch(InboxDbContext db, HashSet<(int, string)> eventKeys, HashSet<(int, string)> messageIds) =>
        (Db, this.eventKeys, this.messageIds) = (db, eventKeys, messageIds);

    public InboxDbContext Db { get; }

    public List<MessageStatusChanged> StatusChanges { get; } = [];

    /// <summary>After the save: the customer messages recorded, once each.</summary>
    public IReadOnlyList<MessageReceived> Received =>
        [.. recorded.Where(r => r.Message.Author == MessageAuthor.Customer)
            .Select(r => new MessageReceived(r.Message.ConversationId, r.Message.Id, r.Message.ChannelId, r.NewConversation, r.Message.Standby))];

    /// <summary>After the save: the CSAT ratings among them.</summary>
    public IEnumerable<(int ConversationId, int Score, DateTime At)> CsatAnswers =>
        recorded.Where(r => r.Csat is not null).Select(r => (r.Message.ConversationId, r.Csat!.Value.Score, r.Csat!.Value.At));

    /// <summary>A batch over these items, with what they refer to read in four queries.</summary>
    public static async Task<InboundBatch> ReadAsync(InboxDbContext db, IReadOnlyList<(int ChannelId, InboundItem Item)> items, CancellationToken cancellationToken)
    {
        // Many lookups in Local per batch: each would scan every tracked entity for changes; once, before the save, is enough.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var channelIds = items.Select(i => i.ChannelId).Distinct().ToList();
        var eventIds = items.Select(i => i.Item.EventId).OfType<string>().Distinct().ToList();
        var keys = await db.InboundEvents.AsNoTracking()
            .Where(e => channelIds.Contains(e.ChannelId) && eventIds.Contains(e.EventId))
            .Select(e => new { e.ChannelId, e.EventId }).ToListAsync(cancellationToken);

        // Messages, echoes and comments carry the platform's message id: the same message under another event id is a copy.
        var platformIds = items.Select(i => PlatformMessageId(i.Item)).OfType<string>().Distinct().ToList();
        var stored = platformIds.Count == 0 ? [] : await db.Messages.AsNoTracking()
            .Where(m => channelIds.Contains(m.ChannelId) && platformIds.Contains(m.PlatformMessageId!))
            .Select(m => new { m.ChannelId, m.PlatformMessageId }).ToListAsync(cancellationToken);

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
        return new InboundBatch(db, [.. keys.Select(k => (k.ChannelId, k.EventId))], [.. stored.Select(m => (m.ChannelId, m.PlatformMessageId!))]);
    }

    /// <summary>The platform's id of the message the item would store, or null.</summary>
    public static string? PlatformMessageId(InboundItem item) => item switch
    {
        InboundMessage m => m.PlatformMessageId,
        InboundEcho e => e.Mid,
        InboundComment c => c.CommentId,
        _ => null,
    };

    /// <summary>Whether the event was already recorded, before this batch or earlier in it.</summary>
    public bool IsKnown(int channelId, string eventId) => eventKeys.Contains((channelId, eventId));

    /// <summary>Whether a message with this platform id is stored, or was added earlier in this batch.</summary>
    public bool HoldsMessage(int channelId, string platformMessageId) => messageIds.Contains((channelId, platformMessageId));

    /// <summary>Notes a message added to the batch, so a copy later in it is recognised.</summary>
    public void Holds(int channelId, string? platformMessageId)
    {
        if (platformMessageId is not null)
        {
            messageIds.Add((channelId, platformMessageId));
        }
    }

    /// <summary>Notes a recorded event: its key, and the message it stored (if any) for the events after the save.</summary>
    public void Recorded(int channelId, string eventId, Message? message, bool newConversation, (int Score, DateTime At)? csat)
    {
        eventKeys.Add((channelId, eventId));
        if (message is not null)
        {
            recorded.Add((message, newConversation, csat));
        }
    }

    /// <summary>Where the item's contact and conversation are found or started: the channel is read once per batch, untracked.</summary>
    internal async Task<Threads> ThreadsAsync(int channelId, DateTime now, CancellationToken cancellationToken)
    {
        if (!channels.TryGetValue(channelId, out var channel))
        {
            channels[channelId] = channel = await Db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, cancellationToken);
        }

        return new Threads(this, channel, now);
    }

    /// <summary>The batch's one save, before the commit.</summary>
    public Task SaveAsync(CancellationToken cancellationToken)
    {
        Db.ChangeTracker.DetectChanges();
        return Db.SaveChangesAsync(cancellationToken);
    }
}
