using System.Net;
using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Inbound;

public sealed class MessengerWebhookTests : WebhookTestBase
{
    private static readonly DateTime HourAgo = DateTime.UtcNow.AddHours(-1);

    private static string Text(string mid, string text, string psid = "6100000000000001", DateTime? at = null) =>
        MessengerText(mid, text, psid, at ?? HourAgo);

    [Fact]
    public async Task Post_SignedTextMessage_StartsConversationWithOpenWindow()
    {
        var response = await Webhooks.MetaRawAsync(Text("m_AAA1", "Where is my order?"));
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await SingleConversationAsync();
        Assert.Equal("acme-fb", conversation.Channel!.Key);
        Assert.Equal("6100000000000001", conversation.Contact!.ExternalId);
        Assert.Equal(ConversationKind.Direct, conversation.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Ms(HourAgo)).UtcDateTime, conversation.LastInboundAt);
        Assert.Equal(1, conversation.UnreadCount);
        var message = Assert.Single(await MessagesAsync());
        Assert.Equal(("m_AAA1", "Where is my order?", MessageAuthor.Customer), (message.PlatformMessageId, message.Text, message.Author));
        Assert.Single(Received.All);
    }

    [Fact]
    public async Task Post_SameMessageRedelivered_StoresOneMessageAndRaisesOneEvent()
    {
        await Webhooks.MetaRawAsync(Text("m_DUP", "Hello"));
        await ProcessAsync();
        await Webhooks.MetaRawAsync(Text("m_DUP", "Hello"));
        await Webhooks.MetaRawAsync(Text("m_DUP", "Hello"));
        await ProcessAsync();

        Assert.Single(await MessagesAsync());
        Assert.Single(Received.All);
        Assert.Equal(3, await DeliveriesStoredAsync());
    }

    [Fact]
    public async Task Post_WrongSignature_Returns401AndStoresNothing()
    {
        var body = Text("m_BAD", "forged");
        var wrong = Inbox.Core.Channels.Meta.MetaSignature.Sign(System.Text.Encoding.UTF8.GetBytes(body), "another-secret");

        var forged = await Webhooks.MetaRawAsync(body, wrong);
        var unsigned = await Webhooks.MetaRawAsync(body, signature: "");
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
        Assert.Empty(await MessagesAsync());
    }

    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[")]
    [InlineData("not json")]
    [InlineData("{\"object\":\"page\"}")]
    [InlineData("[1,2,3]")]
    public async Task Post_SignedButMalformedBody_Returns400AndStoresNothing(string body)
    {
        var response = await Webhooks.MetaRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
    }

    [Fact]
    public async Task Post_UnknownPage_Returns404AndStoresNothing()
    {
        var response = await Webhooks.MetaRawAsync(Text("m_X", "hi").Replace(PageId, "999999"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("999999", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await DeliveriesStoredAsync());
    }

    [Fact]
    public async Task Post_UnknownEventType_IsAcknowledgedAndChangesNothing()
    {
        var reaction = $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[
              {"sender":{"id":"61001"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{Ms(HourAgo)}}},
               "reaction":{"mid":"m_1","action":"react","reaction":"love"}}]}]}
            """;
        var response = await Webhooks.MetaRawAsync(reaction);
        var unknownObject = await Webhooks.MetaRawAsync("""{"object":"permissions","entry":[{"id":"1","time":1}]}""");
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownObject.StatusCode);
        Assert.Empty(await MessagesAsync());
    }

    [Fact]
    public async Task Post_Attachment_StoredAsTypedPlaceholderWithUrl()
    {
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[
              {"sender":{"id":"61002"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{Ms(HourAgo)}}},
               "message":{"mid":"m_IMG","attachments":[{"type":"image","payload":{"url":"https://scontent.example/photo.jpg"}}]}}]}]}
            """;
        await Webhooks.MetaRawAsync(body);
        await ProcessAsync();

        var message = Assert.Single(await MessagesAsync());
        Assert.Equal("[image]", message.Text);
        Assert.Equal("image", message.AttachmentType);
        Assert.Equal("https://scontent.example/photo.jpg", message.AttachmentUrl);
    }

    [Fact]
    public async Task Post_EchoFromAnotherTool_IsRecordedWithoutMovingTheWindow()
    {
        await Webhooks.MetaRawAsync(Text("m_IN", "Hi", psid: "61003", at: HourAgo));
        var echo = $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[
              {"sender":{"id":"{{{PageId}}}"},"recipient":{"id":"61003"},"timestamp":{{{Ms(HourAgo.AddMinutes(5))}}},
               "message":{"mid":"m_ECHO","is_echo":true,"app_id":1517,"text":"Answered from the Page inbox"}}]}]}
            """;
        await Webhooks.MetaRawAsync(echo);
        await Webhooks.MetaRawAsync(echo);
        await ProcessAsync();

        var messages = await MessagesAsync();
        Assert.Equal(2, messages.Count);
        Assert.Equal((MessageAuthor.Echo, MessageDirection.Outbound, DeliveryStatus.Sent), (messages[1].Author, messages[1].Direction, messages[1].Status));
        var conversation = await SingleConversationAsync();
        Assert.Equal(messages[0].SentAt, conversation.LastInboundAt);
        Assert.Equal("Answered from the Page inbox", conversation.LastMessagePreview);
        Assert.Single(Received.All);
    }

    [Fact]
    public async Task Post_EchoOfOurOwnQueuedReply_NamesItInsteadOfAddingAnother()
    {
        await Webhooks.MetaRawAsync(Text("m_Q", "Hi", psid: "61004"));
        await ProcessAsync();
        var ours = await QueueReplyDirectlyAsync("Thanks, looking now");
        var echo = $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[
              {"sender":{"id":"{{{PageId}}}"},"recipient":{"id":"61004"},"timestamp":{{{Ms(DateTime.UtcNow)}}},
               "message":{"mid":"m_OURS","is_echo":true,"metadata":"inbox:{{{ours}}}","text":"Thanks, looking now"}}]}]}
            """;
        await Webhooks.MetaRawAsync(echo);
        await ProcessAsync();

        var messages = await MessagesAsync();
        Assert.Equal(2, messages.Count);
        Assert.Equal(("m_OURS", DeliveryStatus.Sent), (messages[1].PlatformMessageId, messages[1].Status));
    }

    [Fact]
    public async Task Post_DeliveryThenRead_MoveOurMessageForwardOnly()
    {
        await Webhooks.MetaRawAsync(Text("m_D", "Hi", psid: "61005"));
        await ProcessAsync();
        var ours = await QueueReplyDirectlyAsync("On its way", platformId: "m_SENT", status: DeliveryStatus.Sent);
        string Event(string json) => $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[
              {"sender":{"id":"61005"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{Ms(DateTime.UtcNow)}}},{{{json}}}}]}]}
            """;

        await Webhooks.MetaRawAsync(Event($$$"""
            "delivery":{"mids":["m_SENT"],"watermark":{{{Ms(DateTime.UtcNow)}}}}
            """));
        await ProcessAsync();
        Assert.Equal(DeliveryStatus.Delivered, (await MessagesAsync()).Single(m => m.Id == ours).Status);

        await Webhooks.MetaRawAsync(Event($$$"""
            "read":{"watermark":{{{Ms(DateTime.UtcNow.AddMinutes(1))}}}}
            """));
        await Webhooks.MetaRawAsync(Event($$$"""
            "delivery":{"mids":["m_SENT"],"watermark":{{{Ms(DateTime.UtcNow)}}}}
            """));
        await ProcessAsync();
        Assert.Equal(DeliveryStatus.Read, (await MessagesAsync()).Single(m => m.Id == ours).Status);
    }

    [Fact]
    public async Task Post_FeedComment_StartsCommentConversationWithPrivateReplyOpen()
    {
        var comment = $$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{Ms(HourAgo)}}},"changes":[{"field":"feed","value":{
              "from":{"id":"7001","name":"Dana Kim"},"post_id":"{{{PageId}}}_555","comment_id":"555_9001","item":"comment",
              "verb":"add","created_time":{{{Seconds(HourAgo)}}},"message":"Do you ship to Osaka?","parent_id":"{{{PageId}}}_555"}}]}]}
            """;
        await Webhooks.MetaRawAsync(comment);
        await Webhooks.MetaRawAsync(comment);
        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        Assert.Equal((ConversationKind.Comment, "555_9001", "Dana Kim"), (conversation.Kind, conversation.CommentId, conversation.Contact!.Name));
        var detail = await App.ApiClient().GetStringAsync($"/api/conversations/{conversation.Id}");
        Assert.Contains("\"suggestedReplyType\":\"private_reply\"", detail.Replace(" ", ""));
        Assert.Equal("Do you ship to Osaka?", Assert.Single(await MessagesAsync()).Text);
    }

    private async Task<long> QueueReplyDirectlyAsync(string text, string? platformId = null, DeliveryStatus status = DeliveryStatus.Queued)
    {
        await using var db = App.OpenDb();
        var conversation = await db.Conversations.SingleAsync();
        var message = new Message
        {
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Outbound,
            Author = MessageAuthor.Agent,
            Text = text,
            SentAt = DateTime.UtcNow.AddSeconds(-30),
            CreatedAt = DateTime.UtcNow,
            ReplyType = Core.Policy.ReplyType.FreeForm,
            Status = status,
            PlatformMessageId = platformId,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
