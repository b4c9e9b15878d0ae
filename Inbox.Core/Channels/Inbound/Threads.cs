using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>Finds or starts the contact and conversation an inbound event belongs to, within its <see cref="InboundBatch"/>.</summary>
internal sealed class Threads(InboundBatch batch, Channel channel, DateTime now)
{
    private readonly InboxDbContext db = batch.Db;

    public InboundBatch Batch => batch;

    public InboxDbContext Db => db;

    public Channel Channel => channel;

    public DateTime Now => now;

    /// <summary>The customer's message answered the CSAT question with this score.</summary>
    public (int Score, DateTime At)? CsatAnswer { get; set; }

    /// <summary>This item started a new conversation.</summary>
    public bool CreatedConversation { get; private set; }

    public async Task<Contact> ContactAsync(string externalId, string? name, CancellationToken cancellationToken, InboundIdentity? identity = null)
    {
        if (identity is not null)
        {
            return await WhatsAppContactAsync(identity, name, cancellationToken);
        }

        // A batch has its contacts loaded already (and may have started this one a moment ago): look there first.
        var contact = await FindAsync(externalId, cancellationToken);
        if (contact is null)
        {
            contact = new Contact { ChannelId = channel.Id, ExternalId = externalId, Name = name ?? PlaceholderName(externalId), CreatedAt = now };
            db.Contacts.Add(contact);
        }
        else if (!string.IsNullOrWhiteSpace(name) && contact.Name != name)
        {
            contact.Name = name;
        }

        return contact;
    }

    /// <summary>The contact filed under this key (BSUID, phone or another platform id) on the channel, or null.</summary>
    public async Task<Contact?> FindAsync(string externalId, CancellationToken cancellationToken) =>
        db.Contacts.Local.FirstOrDefault(c => c.ChannelId == channel.Id && c.ExternalId == externalId)
            ?? await db.Contacts.SingleOrDefaultAsync(c => c.ChannelId == channel.Id && c.ExternalId == externalId, cancellationToken);

    /// <summary>
    /// WhatsApp: the contact found by BSUID, else by phone number. A phone-only contact gains the BSUID the first time
    /// both arrive, so later BSUID-only messages land in the same conversation; the username and parent BSUID follow.
    /// </summary>
    private async Task<Contact> WhatsAppContactAsync(InboundIdentity identity, string? name, CancellationToken cancellationToken)
    {
        var contact = identity.UserId is { } userId ? await FindAsync(userId, cancellationToken) : null;
        if (contact is null && identity.Phone is { } phone)
        {
            var byPhone = await FindByPhoneAsync(phone, cancellationToken);

            // A number already filed under another BSUID belongs to someone else now (numbers are recycled): it moves.
            if (byPhone is not null && identity.UserId is not null && InboundIdentity.IsUserId(byPhone.ExternalId))
            {
                byPhone.Phone = null;
                byPhone = null;
            }

            contact = byPhone;
        }

        var displayName = name ?? (identity.Username is { } username ? "@" + username : null);
        if (contact is null)
        {
            var key = identity.Key!;
            contact = new Contact { ChannelId = channel.Id, ExternalId = key, Name = displayName ?? PlaceholderName(key), CreatedAt = now };
            db.Contacts.Add(contact);
        }
        else if (!string.IsNullOrWhiteSpace(name) && contact.Name != name)
        {
            contact.Name = name;
        }

        contact.ExternalId = identity.UserId ?? contact.ExternalId;
        contact.Phone = identity.Phone ?? contact.Phone;
        contact.ParentUserId = identity.ParentUserId ?? contact.ParentUserId;
        contact.Username = identity.Username ?? contact.Username;
        return contact;
    }

    /// <summary>The WhatsApp contact with this phone number: its second identity, or its key from before BSUIDs.</summary>
    public async Task<Contact?> FindByPhoneAsync(string phone, CancellationToken cancellationToken) =>
        db.Contacts.Local.FirstOrDefault(c => c.ChannelId == channel.Id && (c.Phone == phone || c.ExternalId == phone))
            ?? await db.Contacts.FirstOrDefaultAsync(c => c.ChannelId == channel.Id && (c.Phone == phone || c.ExternalId == phone), cancellationToken);

    /// <summary>The contact's latest direct thread (reopened when the customer writes again, unless <paramref name="keepStatus"/> says otherwise), or a new one.</summary>
    public async Task<Conversation> DirectConversationAsync(Contact contact, bool reopen, CancellationToken cancellationToken, Func<Conversation, bool>? keepStatus = null)
    {
        // A batch loaded every direct thread of its contacts, and may have started one for this contact already.
        var loaded = db.Conversations.Local
            .Where(c => c.Kind == ConversationKind.Direct && (c.Contact == contact || (contact.Id != 0 && c.ContactId == contact.Id)))
            .OrderBy(c => c.Id == 0 ? 1 : 0).ThenBy(c => c.Id)
            .LastOrDefault();
        var conversation = loaded ?? (contact.Id == 0
            ? null
            : await db.Conversations
                .Where(c => c.ContactId == contact.Id && c.Kind == ConversationKind.Direct)
                .OrderByDescending(c => c.Id)
                .FirstOrDefaultAsync(cancellationToken));
        if (conversation is null)
        {
            return NewConversation(contact, ConversationKind.Direct);
        }

        if (reopen && conversation.Status != ConversationStatus.Open && keepStatus?.Invoke(conversation) != true)
        {
            db.Activities.Add(new ConversationActivity
            {
                ConversationId = conversation.Id,
                At = now,
                Kind = ActivityKind.StatusChanged,
                Actor = "Customer",
                Detail = $"{conversation.Status} → {ConversationStatus.Open} (the customer wrote again)",
            });
            conversation.Status = ConversationStatus.Open;
        }

        return conversation;
    }

    public Conversation NewConversation(Contact contact, ConversationKind kind)
    {
        var conversation = new Conversation { ChannelId = channel.Id, Contact = contact, Kind = kind, Status = ConversationStatus.Open, CreatedAt = now };
        db.Conversations.Add(conversation);
        CreatedConversation = true;
        return conversation;
    }

    public Message AddMessage(Conversation conversation, Message message)
    {
        message.Conversation = conversation;
        message.CreatedAt = now;
        db.Messages.Add(message);
        batch.Holds(channel.Id, message.PlatformMessageId);
        if (conversation.LastMessageAt is null || message.SentAt >= conversation.LastMessageAt)
        {
            conversation.LastMessageAt = message.SentAt;
            conversation.LastMessagePreview = message.Text.Length > 200 ? message.Text[..200] : message.Text;
        }

        return message;
    }

    private string PlaceholderName(string externalId)
    {
        var tail = externalId.Length <= 4 ? externalId : externalId[^4..];
        return channel.Kind switch
        {
            ChannelKind.WhatsApp when InboundIdentity.IsUserId(externalId) => $"WhatsApp user {tail}",
            ChannelKind.WhatsApp => "+" + externalId,
            ChannelKind.Line => $"LINE user {tail}",
            ChannelKind.Instagram => $"Instagram user {tail}",
            _ => $"Messenger user {tail}",
        };
    }
}
