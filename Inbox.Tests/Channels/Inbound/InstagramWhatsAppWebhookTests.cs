using System.Net;
using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Inbound;

public sealed class InstagramWhatsAppWebhookTests : WebhookTestBase
{
    private static readonly DateTime HourAgo = DateTime.UtcNow.AddHours(-1);

    [Fact]
    public async Task Post_InstagramDirectMessage_StartsInstagramConversation()
    {
        var body = $$$"""
            {"object":"instagram","entry":[{"id":"{{{InstagramId}}}","time":{{{Ms(HourAgo)}}},"messaging":[
              {"sender":{"id":"9120000001"},"recipient":{"id":"{{{InstagramId}}}"},"timestamp":{{{Ms(HourAgo)}}},
               "message":{"mid":"aWdfZAG1faXRlbToxOk","text":"Is the blue one in stock?"}}]}]}
            """;
        await Webhooks.MetaRawAsync(body);
        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        Assert.Equal(("acme-ig", "9120000001"), (conversation.Channel!.Key, conversation.Contact!.ExternalId));
        Assert.Equal("Is the blue one in stock?", Assert.Single(await MessagesAsync()).Text);
    }

    [Fact]
    public async Task Post_InstagramComment_StartsCommentConversationUnderTheUsername()
    {
        var body = $$$"""
            {"object":"instagram","entry":[{"id":"{{{InstagramId}}}","time":{{{Seconds(HourAgo)}}},"changes":[{"field":"comments","value":{
              "from":{"id":"9120000002","username":"mika.t"},"media":{"id":"18000000000000001","media_product_type":"FEED"},
              "id":"17900000000000001","text":"Price?"}}]}]}
            """;
        await Webhooks.MetaRawAsync(body);
        await Webhooks.MetaRawAsync(body);
        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        Assert.Equal((ConversationKind.Comment, "17900000000000001", "@mika.t"), (conversation.Kind, conversation.CommentId, conversation.Contact!.Name));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Seconds(HourAgo)).UtcDateTime, conversation.CommentAt);
    }

    private static string WhatsApp(string value) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"{{{PhoneNumberId}}}"},
          {{{value}}}}}]}]}
        """;

    [Fact]
    public async Task Post_WhatsAppText_StartsConversationUnderTheProfileName()
    {
        var body = WhatsApp($$$"""
            "contacts":[{"profile":{"name":"Aiko Tanaka"},"wa_id":"819012345678"}],
            "messages":[{"from":"819012345678","id":"wamid.HBgLODE5MDEyMzQ1Njc4","timestamp":"{{{Seconds(HourAgo)}}}","type":"text","text":{"body":"Hello!"}}]
            """);
        var response = await Webhooks.MetaRawAsync(body);
        await Webhooks.MetaRawAsync(body);
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await SingleConversationAsync();
        Assert.Equal(("acme-wa", "Aiko Tanaka", "819012345678"), (conversation.Channel!.Key, conversation.Contact!.Name, conversation.Contact.ExternalId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Seconds(HourAgo)).UtcDateTime, conversation.LastInboundAt);
        Assert.Equal("Hello!", Assert.Single(await MessagesAsync()).Text);
        Assert.Single(Received.All);
    }

    [Fact]
    public async Task Post_WhatsAppImage_StoredAsPlaceholderWithCaption()
    {
        await Webhooks.MetaRawAsync(WhatsApp($$$"""
            "contacts":[{"profile":{"name":"Aiko"},"wa_id":"819012345678"}],
            "messages":[{"from":"819012345678","id":"wamid.IMG","timestamp":"{{{Seconds(HourAgo)}}}","type":"image",
              "image":{"caption":"broken zipper","mime_type":"image/jpeg","sha256":"x","id":"1234567890"}}]
            """));
        await ProcessAsync();

        var message = Assert.Single(await MessagesAsync());
        Assert.Equal(("[image] broken zipper", "image", "whatsapp-media:1234567890"), (message.Text, message.AttachmentType, message.AttachmentUrl));
    }

    [Fact]
    public async Task Post_WhatsAppStatuses_MoveOurMessageToReadAndNeverBack()
    {
        var ours = await OurSentWhatsAppMessageAsync("wamid.OURS1");
        string Status(string status) => WhatsApp($$$"""
            "statuses":[{"id":"wamid.OURS1","status":"{{{status}}}","timestamp":"{{{Seconds(DateTime.UtcNow)}}}","recipient_id":"819012345678"}]
            """);

        await Webhooks.MetaRawAsync(Status("delivered"));
        await Webhooks.MetaRawAsync(Status("read"));
        await Webhooks.MetaRawAsync(Status("delivered"));
        await ProcessAsync();

        Assert.Equal(DeliveryStatus.Read, await StatusOfAsync(ours));
    }

    [Fact]
    public async Task Post_WhatsAppFailedStatusWithWindowError_MarksNotDeliveredWithTheReason()
    {
        var ours = await OurSentWhatsAppMessageAsync("wamid.LATE");
        await Webhooks.MetaRawAsync(WhatsApp($$$"""
            "statuses":[{"id":"wamid.LATE","status":"failed","timestamp":"{{{Seconds(DateTime.UtcNow)}}}","recipient_id":"819012345678",
              "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]}]
            """));
        await ProcessAsync();

        await using var db = App.OpenDb();
        var message = await db.Messages.SingleAsync(m => m.Id == ours);
        Assert.Equal((DeliveryStatus.Failed, SendFailure.WindowClosed, "131047"), (message.Status, message.Failure, message.ErrorCode));
        Assert.Contains("template", message.ErrorMessage);
    }

    [Fact]
    public async Task Post_WhatsAppAccountUpdate_IsAcknowledgedWithoutAChannel()
    {
        var response = await Webhooks.MetaRawAsync("""
            {"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"message_template_status_update",
              "value":{"event":"APPROVED","message_template_id":1,"message_template_name":"order_update","message_template_language":"en_US"}}]}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
    }

    private async Task<long> OurSentWhatsAppMessageAsync(string wamid)
    {
        await Webhooks.MetaRawAsync(WhatsApp($$$"""
            "contacts":[{"profile":{"name":"Aiko"},"wa_id":"819012345678"}],
            "messages":[{"from":"819012345678","id":"wamid.IN-{{{wamid}}}","timestamp":"{{{Seconds(HourAgo)}}}","type":"text","text":{"body":"Hi"}}]
            """));
        await ProcessAsync();
        await using var db = App.OpenDb();
        var conversation = await db.Conversations.SingleAsync();
        var message = new Message
        {
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Outbound,
            Author = MessageAuthor.Agent,
            Text = "Your parcel left today",
            SentAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
            ReplyType = Core.Policy.ReplyType.FreeForm,
            Status = DeliveryStatus.Sent,
            PlatformMessageId = wamid,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<DeliveryStatus> StatusOfAsync(long id)
    {
        await using var db = App.OpenDb();
        return await db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync();
    }
}
