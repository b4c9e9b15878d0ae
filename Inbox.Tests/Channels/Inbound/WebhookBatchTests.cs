using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// Deliveries waiting together are applied in one batch (one save, one commit). These store several at once, as a
/// backlog would, and check the batch records them exactly as one-by-one processing would, and that a batch a
/// duplicate or a broken delivery spoils is redone delivery by delivery.
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
        Assert.DoesNotContain(Logs.Messages, m => m.Contains("one by one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_SameLineMessageUnderTwoEventIds_RedoneOneByOneAndStoredOnce()
    {
        var line = await LineChannelIdAsync();
        await StoreAsync(
            Line(line, LineEvent("01FZBATCHA", "468789577898262999")),
            Meta(MessengerText("m_batch_other", "Another customer", "psid-other", HourAgo)),
            Line(line, LineEvent("01FZBATCHB", "468789577898262999")));

        await ProcessAsync();

        Assert.Equal(["こんにちは", "Another customer"], (await MessagesAsync()).Select(m => m.Text).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(2, Received.All.Count);
        Assert.Equal([WebhookDeliveryState.Processed], await StatesAsync());
        Assert.Contains(Logs.Messages, m => m.Contains("retrying them one by one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_OneStoredBodyCannotBeRead_OthersProcessedAndItWaitsForItsNextAttempt()
    {
        await StoreAsync(
            Meta(MessengerText("m_batch_ok_1", "First", "psid-a", HourAgo)),
            Meta("""{"object":"page","entry":[{"id":"""),
            Meta(MessengerText("m_batch_ok_2", "Second", "psid-b", HourAgo)));

        await ProcessAsync();

        Assert.Equal(["First", "Second"], (await MessagesAsync()).Select(m => m.Text));
        await using var db = App.OpenDb();
        var broken = await db.WebhookDeliveries.SingleAsync(d => d.State != WebhookDeliveryState.Processed);
        Assert.Equal((WebhookDeliveryState.Pending, 1), (broken.State, broken.Attempts));
        Assert.NotNull(broken.Error);
    }

    private static string LineEvent(string eventId, string messageId) => $$$"""
        {"destination":"Ubot0000000000000000000000000001","events":[{"type":"message","mode":"active","timestamp":{{{Ms(HourAgo)}}},
          "source":{"type":"user","userId":"U4af4980629bbbbbbbbbbbbbbbbbbbbbb"},"webhookEventId":"{{{eventId}}}",
          "deliveryContext":{"isRedelivery":false},"replyToken":"b60d432864f44d079f6d8efe86cf4999",
          "message":{"id":"{{{messageId}}}","type":"text","text":"こんにちは"}}]}
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
}
