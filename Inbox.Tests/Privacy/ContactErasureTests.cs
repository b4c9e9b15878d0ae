using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Core.Privacy;
using Inbox.Core.Scheduling;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Privacy;

/// <summary>Erasing one contact on a real database: everything about them goes, nobody else's data is touched.</summary>
public sealed class ContactErasureTests : CoreTestBase
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IngestWriteGate>();
        services.AddSingleton<ContactErasure>();
    }

    private ContactErasure Erasure => Harness.Get<ContactErasure>();

    [Fact]
    public async Task Erase_ContactWithHistory_RemovesConversationsMessagesNotesAutomationsAndIdentity()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var erased = await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));
        var second = await AddConversationForAsync(erased.ContactId, channel.Id);
        var kept = await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));
        await AddHistoryAsync(erased.Id, channel.Id, DeliveryStatus.Queued);
        await AddHistoryAsync(second, channel.Id, DeliveryStatus.Delivered);
        await AddHistoryAsync(kept.Id, channel.Id, DeliveryStatus.Delivered);

        var report = await Erasure.EraseAsync(erased.ContactId, "ada@acme.test");

        Assert.Equal(new ErasureReport(erased.ContactId, 2, 4, 2, 0), report);
        await using var db = Harness.Open();
        Assert.False(await db.Contacts.AnyAsync(c => c.Id == erased.ContactId));
        Assert.Equal([kept.Id], await db.Conversations.Select(c => c.Id).ToListAsync());
        Assert.All(await db.Messages.ToListAsync(), m => Assert.Equal(kept.Id, m.ConversationId));
        Assert.All(await db.Set<Note>().ToListAsync(), n => Assert.Equal(kept.Id, n.ConversationId));
        Assert.All(await db.Set<ScheduledAutomation>().ToListAsync(), a => Assert.Equal(kept.Id, a.ConversationId));
        Assert.Equal(2, await db.Messages.CountAsync());
    }

    [Fact]
    public async Task Erase_Twice_SecondTimeNotFound_AndTheAuditNamesOnlyTheIdAndCounts()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));
        await AddHistoryAsync(conversation.Id, channel.Id, DeliveryStatus.Delivered);

        await Erasure.EraseAsync(conversation.ContactId, "ada@acme.test");
        var again = await Erasure.EraseAsync(conversation.ContactId, "ada@acme.test");

        Assert.Null(again);
        await using var db = Harness.Open();
        var entry = await db.Set<AuditEntry>().SingleAsync();
        Assert.Equal(("ada@acme.test", "contact.erased", $"contact {conversation.ContactId}"), (entry.Actor, entry.Action, entry.Target));
        Assert.DoesNotContain("Kim", entry.Detail);
        Assert.DoesNotContain("order", entry.Detail);
        Assert.Equal("deleted: conversations 1, messages 2, notes 1, identities and profile; webhook bodies cleared: 0", entry.Detail);
    }

    [Fact]
    public async Task Erase_MergedContact_DissolvesThePersonAndKeepsTheOtherContact()
    {
        var messenger = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var line = await Harness.AddChannelAsync(ChannelKind.Line);
        var erased = await Harness.AddConversationAsync(messenger, TimeSpan.FromHours(1));
        var other = await Harness.AddConversationAsync(line, TimeSpan.FromHours(1));
        await using (var db = Harness.Open())
        {
            var person = new Person { DisplayName = "Kim Lee" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            await db.Contacts.Where(c => c.Id == erased.ContactId || c.Id == other.ContactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.PersonId, person.Id));
        }

        await Erasure.EraseAsync(erased.ContactId, "ada@acme.test");

        await using var check = Harness.Open();
        var remaining = await check.Contacts.SingleAsync();
        Assert.Equal((other.ContactId, null), (remaining.Id, remaining.PersonId));
        Assert.False(await check.People.AnyAsync());
    }

    [Fact]
    public async Task Erase_ProcessedWebhookNamingTheContact_BodyCleared_PendingAndOthersKept()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));
        var psid = await ExternalIdAsync(conversation.ContactId);
        var theirs = await AddDeliveryAsync(psid, WebhookDeliveryState.Processed);
        var pending = await AddDeliveryAsync(psid, WebhookDeliveryState.Pending);
        var someoneElse = await AddDeliveryAsync("6100000000000999", WebhookDeliveryState.Processed);

        var report = await Erasure.EraseAsync(conversation.ContactId, "ada@acme.test");

        Assert.Equal(1, report!.WebhookBodiesCleared);
        await using var db = Harness.Open();
        var bodies = await db.WebhookDeliveries.ToDictionaryAsync(d => d.Id, d => d.Body);
        Assert.Equal("", bodies[theirs]);
        Assert.Contains(psid, bodies[pending]);
        Assert.Contains("6100000000000999", bodies[someoneElse]);
    }

    private async Task<int> AddConversationForAsync(int contactId, int channelId)
    {
        await using var db = Harness.Open();
        var conversation = new Conversation { ChannelId = channelId, ContactId = contactId, Kind = ConversationKind.Direct, Status = ConversationStatus.Resolved, CreatedAt = Harness.Time.UtcNow };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    /// <summary>A customer message, a reply in <paramref name="replyStatus"/>, a note and a reminder waiting to fire.</summary>
    private async Task AddHistoryAsync(int conversationId, int channelId, DeliveryStatus replyStatus)
    {
        var now = Harness.Time.UtcNow;
        await using var db = Harness.Open();
        db.Messages.Add(new Message
        {
            ConversationId = conversationId, ChannelId = channelId, Direction = MessageDirection.Inbound, Author = MessageAuthor.Customer,
            Text = "Where is my order?", SentAt = now, CreatedAt = now, Status = DeliveryStatus.Received,
        });
        db.Messages.Add(new Message
        {
            ConversationId = conversationId, ChannelId = channelId, Direction = MessageDirection.Outbound, Author = MessageAuthor.Agent,
            Text = "Checking now.", SentAt = now, CreatedAt = now, Status = replyStatus,
        });
        db.Set<Note>().Add(new Note { ConversationId = conversationId, AuthorName = "Bo", Text = "VIP customer", CreatedAt = now });
        db.Set<ScheduledAutomation>().Add(new ScheduledAutomation
        {
            ConversationId = conversationId, Kind = AutomationKind.WindowReminder, State = AutomationState.Scheduled, DueAt = now.AddHours(22), UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    private async Task<string> ExternalIdAsync(int contactId)
    {
        await using var db = Harness.Open();
        return await db.Contacts.Where(c => c.Id == contactId).Select(c => c.ExternalId).SingleAsync();
    }

    private async Task<long> AddDeliveryAsync(string psid, WebhookDeliveryState state)
    {
        await using var db = Harness.Open();
        var delivery = new WebhookDelivery
        {
            Platform = WebhookPlatform.Meta, ReceivedAt = Harness.Time.UtcNow, State = state, ProcessedAt = state == WebhookDeliveryState.Pending ? null : Harness.Time.UtcNow,
            Body = $$$"""{"object":"page","entry":[{"messaging":[{"sender":{"id":"{{{psid}}}"},"message":{"mid":"m_1","text":"Hi"}}]}]}""",
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }
}
