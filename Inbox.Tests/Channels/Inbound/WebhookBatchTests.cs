using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// Deliveries waiting together are applied in one batch (one save, one commit), and a delivery on its own is a batch of
/// one. These store several at once, as a backlog would, and check what the inbox shows afterwards: each message once,
/// in its conversation, copies ignored, and a broken delivery retried and parked without holding up the others.
/// </summary>
public sealed class WebhookBatchTests : WebhookTestBase
{
    private static readonly DateTime HourAgo = DateTime.UtcNow.AddHours(-1);

    [Fact]
    public async Task Batch_NewCustomerWritesTwiceAndOneIsRedelivered_OneConversationTwoMessagesOneEventEach()
    {
        await StoreAsync(
            Meta(MessengerText("m_batch_1", "Hi, my parcel is late", "psid-batch", HourAgo)),
            Meta(MessengerText("m_batch_2", "Order 1234", "psid-batch", HourAgo.AddSeconds(5))),
            Meta(MessengerText("m_batch_1", "Hi, my parcel is late", "psid-batch", HourAgo)));

        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        Assert.Equal(2, conversation.UnreadCount);
        Assert.Equal("Order 1234", conversation.LastMessagePreview);
        Assert.Equal(["Hi, my parcel is late", "Order 1234"], (await MessagesAsync()).Select(m => m.Text));
        Assert.Equal([true, false], Received.All.Select(e => e.NewConversation));
        Assert.All(Received.All, e => Assert.Equal(conversation.Id, e.ConversationId));
        Assert.Equal([WebhookDeliveryState.Processed], await StatesAsync());
    }

    [Fact]
    public async Task Batch_SameLineMessageUnderTwoEventIds_StoredOnceAndEveryDeliveryProcessed()
    {
        var line = await LineChannelIdAsync();
        await StoreAsync(
            Line(line, LineBody(LineEvent("01FZBATCHA", "468789577898262999", "こんにちは"))),
            Meta(MessengerText("m_batch_other", "Another customer", "psid-other", HourAgo)),
            Line(line, LineBody(LineEvent("01FZBATCHB", "468789577898262999", "こんにちは"))));

        await ProcessAsync();

        Assert.Equal(["Another customer", "こんにちは"], (await MessagesAsync()).Select(m => m.Text).Order(StringComparer.Ordinal));
        Assert.Equal(2, Received.All.Count);
        Assert.Equal([WebhookDeliveryState.Processed], await StatesAsync());
    }

    [Fact]
    public async Task Batch_DeliveryHoldsACopyOfAStoredMessageBesideANewOne_NewOneRecordedAndTheCopyIgnored()
    {
        var line = await LineChannelIdAsync();
        await StoreAsync(Line(line, LineBody(LineEvent("01FZFIRST", "468789577898263001", "Is my order shipped?"))));
        await ProcessAsync();

        // LINE sent the stored message again under a fresh event id, together with the customer's next message.
        await StoreAsync(
            Line(line, LineBody(
                LineEvent("01FZCOPY", "468789577898263001", "Is my order shipped?"),
                LineEvent("01FZNEXT", "468789577898263002", "Order 77"))),
            Meta(MessengerText("m_batch_beside", "Unrelated question", "psid-beside", HourAgo)));
        await ProcessAsync();

        var messages = await MessagesAsync();
        Assert.Equal(["Is my order shipped?", "Order 77"], messages.Where(m => m.ChannelId == line).Select(m => m.Text));
        Assert.Single(messages.Where(m => m.ChannelId == line).Select(m => m.ConversationId).Distinct());
        Assert.Equal(["Unrelated question"], messages.Where(m => m.ChannelId != line).Select(m => m.Text));
        Assert.Equal(3, Received.All.Count);
        Assert.Equal([WebhookDeliveryState.Processed], await StatesAsync());
    }

    [Fact]
    public async Task Batch_OneStoredBodyCannotBeRead_OthersRecordedOnceAndItIsParkedAfterMaxAttempts()
    {
        await StoreAsync(
            Meta(MessengerText("m_batch_ok_1", "First", "psid-a", HourAgo)),
            Meta("""{"object":"page","entry":[{"id":"""),
            Meta(MessengerText("m_batch_ok_2", "Second", "psid-b", HourAgo)));

        await ProcessAsync();

        Assert.Equal(["First", "Second"], (await MessagesAsync()).Select(m => m.Text));
        Assert.Equal((WebhookDeliveryState.Pending, 1), await BrokenAsync());

        for (var attempt = 2; attempt <= WebhookProcessor.MaxAttempts; attempt++)
        {
            await ProcessAsync();
        }

        Assert.Equal((WebhookDeliveryState.Failed, WebhookProcessor.MaxAttempts), await BrokenAsync());
        Assert.Equal(["First", "Second"], (await MessagesAsync()).Select(m => m.Text));
        Assert.Equal(2, Received.All.Count);
    }

    [Fact]
    public async Task Batch_NewContactsFirstMessageBesideAnExistingConversationsMessage_EachLandsInItsOwnConversation()
    {
        await StoreAsync(Meta(MessengerText("m_known_1", "Earlier question", "psid-known", HourAgo)));
        await ProcessAsync();

        await StoreAsync(
            Meta(MessengerText("m_new_1", "Hello, first time here", "psid-new", HourAgo.AddMinutes(1))),
            Meta(MessengerText("m_known_2", "Any news?", "psid-known", HourAgo.AddMinutes(2))));
        await ProcessAsync();

        await using var db = App.OpenDb();
        var conversations = await db.Conversations.Include(c => c.Contact).Include(c => c.Messages).ToListAsync();
        var known = conversations.Single(c => c.Contact!.ExternalId == "psid-known");
        var newcomer = conversations.Single(c => c.Contact!.ExternalId == "psid-new");
        Assert.Equal(2, conversations.Count);
        Assert.Equal(["Earlier question", "Any news?"], known.Messages.OrderBy(m => m.Id).Select(m => m.Text));
        Assert.Equal((2, "Any news?"), (known.UnreadCount, known.LastMessagePreview));
        Assert.Equal(["Hello, first time here"], newcomer.Messages.Select(m => m.Text));
        Assert.Equal(
            [(known.Id, true), (newcomer.Id, true), (known.Id, false)],
            Received.All.Select(e => (e.ConversationId, e.NewConversation)));
    }

    private static string LineBody(params string[] events) =>
        $$"""{"destination":"Ubot0000000000000000000000000001","events":[{{string.Join(",", events)}}]}""";

    private static string LineEvent(string eventId, string messageId, string text) => $$$"""
        {"type":"message","mode":"active","timestamp":{{{Ms(HourAgo)}}},
          "source":{"type":"user","userId":"U4af4980629bbbbbbbbbbbbbbbbbbbbbb"},"webhookEventId":"{{{eventId}}}",
          "deliveryContext":{"isRedelivery":false},"replyToken":"b60d432864f44d079f6d8efe86cf4999",
          "message":{"id":"{{{messageId}}}","type":"text","text":"{{{text}}}"}}
        """;

    private WebhookDelivery Meta(string body) => new() { Platform = WebhookPlatform.Meta, ReceivedAt = DateTime.UtcNow, Body = body };

    private WebhookDelivery Line(int channelId, string body) => new() { Platform = WebhookPlatform.Line, ChannelId = channelId, ReceivedAt = DateTime.UtcNow, Body = body };

    /// <summary>Stores the deliveries in one write, as acknowledged ones waiting together in a backlog.</summary>
    private async Task StoreAsync(params WebhookDelivery[] deliveries)
    {
        await using var db = App.OpenDb();
        db.WebhookDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync();
    }

    private async Task<int> LineChannelIdAsync()
    {
        await using var db = App.OpenDb();
        return await db.Channels.Where(c => c.Kind == ChannelKind.Line).Select(c => c.Id).SingleAsync();
    }

    private async Task<List<WebhookDeliveryState>> StatesAsync()
    {
        await using var db = App.OpenDb();
        return await db.WebhookDeliveries.Select(d => d.State).Distinct().ToListAsync();
    }

    /// <summary>The state of the one delivery that is not processed, and how often it was tried.</summary>
    private async Task<(WebhookDeliveryState State, int Attempts)> BrokenAsync()
    {
        await using var db = App.OpenDb();
        var broken = await db.WebhookDeliveries.SingleAsync(d => d.State != WebhookDeliveryState.Processed);
        Assert.NotNull(broken.Error);
        return (broken.State, broken.Attempts);
    }
}
