using System.Net;
using Inbox.Core.Channels.Inbound;
using Inbox.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Inbound;

public sealed class LineWebhookTests : WebhookTestBase
{
    private static readonly DateTime MinuteAgo = DateTime.UtcNow.AddMinutes(-1);

    private static string Event(string eventId, string text, string mode = "active", bool redelivery = false, string messageId = "468789577898262530") => $$$"""
        {"destination":"Ubot0000000000000000000000000001","events":[{"type":"message","mode":"{{{mode}}}","timestamp":{{{Ms(MinuteAgo)}}},
          "source":{"type":"user","userId":"U4af4980629aaaaaaaaaaaaaaaaaaaaaa"},"webhookEventId":"{{{eventId}}}",
          "deliveryContext":{"isRedelivery":{{{(redelivery ? "true" : "false")}}}},"replyToken":"b60d432864f44d079f6d8efe86cf404b",
          "message":{"id":"{{{messageId}}}","type":"text","quoteToken":"q3Plxr4AgKd","markAsReadToken":"30yhdy232ewfwe23ewfwe23","text":"こんにちは"}}]}
        """.Replace("こんにちは", text);

    [Fact]
    public async Task Post_SignedTextMessage_StoresMessageAndKeepsTheReplyToken()
    {
        var response = await Webhooks.LineRawAsync(LineKey, Event("01FZ74A0TDDPYRVKNK77XKC3ZR", "こんにちは"), LineSecret);
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await SingleConversationAsync();
        Assert.Equal(("acme-line", "U4af4980629aaaaaaaaaaaaaaaaaaaaaa"), (conversation.Channel!.Key, conversation.Contact!.ExternalId));
        Assert.Equal("b60d432864f44d079f6d8efe86cf404b", conversation.LineReplyToken);
        Assert.Equal("30yhdy232ewfwe23ewfwe23", conversation.LineMarkAsReadToken);
        Assert.Equal("こんにちは", Assert.Single(await MessagesAsync()).Text);
    }

    [Fact]
    public async Task Post_Redelivery_DeduplicatesOnWebhookEventId()
    {
        await Webhooks.LineRawAsync(LineKey, Event("01FZDUP", "hello"), LineSecret);
        await Webhooks.LineRawAsync(LineKey, Event("01FZDUP", "hello", redelivery: true), LineSecret);
        await ProcessAsync();

        Assert.Single(await MessagesAsync());
        Assert.Single(Received.All);
    }

    [Fact]
    public async Task Post_StandbyMode_StoredButNeverAnswerable()
    {
        await Webhooks.LineRawAsync(LineKey, Event("01FZSTBY", "hello", mode: "standby"), LineSecret);
        await ProcessAsync();

        var message = Assert.Single(await MessagesAsync());
        Assert.True(message.Standby);
        Assert.Null((await SingleConversationAsync()).LineReplyToken);
        Assert.True(Assert.Single(Received.All).Standby);
    }

    [Fact]
    public async Task Post_WrongSignatureOrUnknownChannel_IsRefusedAlikeAndNothingStored()
    {
        var body = Event("01FZBAD", "forged");

        var forged = await Webhooks.LineRawAsync(LineKey, body, "not-the-secret");
        var unknown = await Webhooks.LineRawAsync("no-such-channel", body, LineSecret);
        var malformed = await Webhooks.LineRawAsync(LineKey, "{\"events\":", LineSecret);

        // An unknown key must not be told apart from a known one with a bad signature.
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await DetailAsync(forged), await DetailAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
    }

    [Fact]
    public async Task Post_VerifyRequestWithNoEvents_Returns200()
    {
        var response = await Webhooks.LineRawAsync(LineKey, """{"destination":"Ubot0000000000000000000000000001","events":[]}""", LineSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_FollowAndGroupEvents_AreAcknowledgedAndIgnored()
    {
        var body = $$$"""
            {"destination":"U1","events":[
              {"type":"follow","mode":"active","timestamp":{{{Ms(MinuteAgo)}}},"source":{"type":"user","userId":"U1"},"webhookEventId":"E1","replyToken":"r1","deliveryContext":{"isRedelivery":false}},
              {"type":"message","mode":"active","timestamp":{{{Ms(MinuteAgo)}}},"source":{"type":"group","groupId":"C1","userId":"U2"},"webhookEventId":"E2","replyToken":"r2","deliveryContext":{"isRedelivery":false},"message":{"id":"1","type":"text","text":"hi all"}}]}
            """;
        var response = await Webhooks.LineRawAsync(LineKey, body, LineSecret);
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await MessagesAsync());
    }

    [Fact]
    public async Task Restart_DeliveryAcknowledgedButNotProcessed_IsProcessedByTheNextRun()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-restart-").FullName;
        Dictionary<string, string?> settings = new()
        {
            ["ConnectionStrings:Inbox"] = $"Data Source={Path.Combine(folder, "inbox.db")}",
            ["Inbox:Demo:Enabled"] = "false",
            ["Inbox:Channels:0:Key"] = LineKey,
            ["Inbox:Channels:0:Kind"] = "Line",
            ["Inbox:Channels:0:Name"] = "Acme LINE",
            ["Inbox:Channels:0:ExternalId"] = "Ubot1",
            ["Inbox:Channels:0:AccessToken"] = "line-token",
            ["Inbox:Channels:0:ChannelSecret"] = LineSecret,
        };

        // The state a crash right after the 200 leaves behind: a stored, pending delivery.
        using (var first = InboxAppFactory.With(settings))
        {
            await using var db = first.OpenDb();
            var channel = await db.Channels.SingleAsync(c => c.Key == LineKey);
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Platform = WebhookPlatform.Line,
                ChannelId = channel.Id,
                ReceivedAt = DateTime.UtcNow,
                Body = Event("01FZCRASH", "sent just before the crash"),
                State = WebhookDeliveryState.Pending,
            });
            await db.SaveChangesAsync();
        }

        using (var restarted = InboxAppFactory.With(settings))
        {
            await restarted.Services.GetRequiredService<WebhookProcessor>().ProcessPendingAsync();

            await using var after = restarted.OpenDb();
            Assert.Equal("sent just before the crash", (await after.Messages.SingleAsync()).Text);
            Assert.Equal(WebhookDeliveryState.Processed, (await after.WebhookDeliveries.SingleAsync()).State);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
}
