using System.Text.Json.Nodes;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>Each reply type reaches its platform with exactly the payload the platform requires (docs/platform-rules.md §2, §5).</summary>
public sealed class OutboundPayloadTests : OutboundTestBase
{
    [Fact]
    public async Task Send_MessengerFreeForm_PostsResponseWithMetadataAndStoresMid()
    {
        Platform.Script($"{OutboundApp.Graph}/{OutboundApp.PageId}/messages", FakeResponse.SendApiOk("m_abc"));
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));
        var id = await App.QueueAsync(conversation, new ReplyRequest("Your order shipped.", ReplyType.FreeForm));

        await App.SendAsync();

        var request = Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PageId}/messages"));
        AssertJson($$$"""{"recipient":{"id":"{{{conversation.Recipient}}}"},"messaging_type":"RESPONSE","message":{"text":"Your order shipped.","metadata":"inbox:{{{id}}}"}}""", request);
        Assert.Equal("Bearer fb-token", request.Header("Authorization"));
        var message = await App.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Equal("m_abc", message.PlatformMessageId);
    }

    [Fact]
    public async Task Send_MessengerHumanAgentTag_PostsMessageTagHumanAgent()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb").LastInbound(TimeSpan.FromDays(2)));
        var id = await App.QueueAsync(conversation, new ReplyRequest("Your refund was issued.", ReplyType.HumanAgentTag));

        await App.SendAsync();

        AssertJson(
            $$$"""{"recipient":{"id":"{{{conversation.Recipient}}}"},"messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT","message":{"text":"Your refund was issued.","metadata":"inbox:{{{id}}}"}}""",
            Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PageId}/messages")));
        Assert.Equal(DeliveryStatus.Sent, (await App.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Send_InstagramFreeForm_PostsToAccountWithoutMetadata()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("ig"));
        await App.QueueAsync(conversation, new ReplyRequest("Hello!", ReplyType.FreeForm));

        await App.SendAsync();

        AssertJson($$$"""{"recipient":{"id":"{{{conversation.Recipient}}}"},"messaging_type":"RESPONSE","message":{"text":"Hello!"}}""",
            Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.InstagramId}/messages")));
    }

    [Fact]
    public async Task Send_PrivateReplyToFacebookComment_AddressesTheCommentAndSends()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb").OnComment("post_1_c9").LastInbound(TimeSpan.FromDays(1)));
        var id = await App.QueueAsync(conversation, new ReplyRequest("We sent you a DM.", ReplyType.PrivateReply));

        await App.SendAsync();

        AssertJson($$$"""{"recipient":{"comment_id":"post_1_c9"},"messaging_type":"RESPONSE","message":{"text":"We sent you a DM.","metadata":"inbox:{{{id}}}"}}""",
            Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PageId}/messages")));
        Assert.Equal(DeliveryStatus.Sent, (await App.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Send_PublicReplyToFacebookComment_PostsToCommentsAndStoresItsId()
    {
        Platform.Script($"{OutboundApp.Graph}/post_1_c7/comments", FakeResponse.Ok("""{"id":"post_1_c7_r1"}"""));
        var conversation = await App.AddAsync(ConversationSeed.On("fb").OnComment("post_1_c7").LastInbound(TimeSpan.FromDays(30)));
        var id = await App.QueueAsync(conversation, new ReplyRequest("Thanks for asking!", ReplyType.PublicReply));

        await App.SendAsync();

        AssertJson("""{"message":"Thanks for asking!"}""", Assert.Single(Platform.To($"{OutboundApp.Graph}/post_1_c7/comments")));
        Assert.Equal("post_1_c7_r1", (await App.MessageAsync(id)).PlatformMessageId);
    }

    [Fact]
    public async Task Send_WhatsAppText_PostsTextToPhoneNumberAndStoresWamid()
    {
        Platform.Script($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages", FakeResponse.WhatsAppOk("wamid.HBg1"));
        var conversation = await App.AddAsync(ConversationSeed.On("wa"));
        var id = await App.QueueAsync(conversation, new ReplyRequest("It is in stock.", ReplyType.FreeForm));

        await App.SendAsync();

        AssertJson($$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.Recipient}}}","type":"text","text":{"body":"It is in stock."}}""",
            Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages")));
        Assert.Equal("wamid.HBg1", (await App.MessageAsync(id)).PlatformMessageId);
    }

    [Fact]
    public async Task Send_WhatsAppTemplateWithParameters_PostsBodyComponent()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa").LastInbound(TimeSpan.FromDays(3)));
        await App.QueueAsync(conversation, new ReplyRequest(null, ReplyType.Template, new TemplateReply("return_update", "en_US", ["Rahul", "RMA-2231"])));

        await App.SendAsync();

        AssertJson(
            $$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.Recipient}}}","type":"template",
             "template":{"name":"return_update","language":{"code":"en_US"},
               "components":[{"type":"body","parameters":[{"type":"text","text":"Rahul"},{"type":"text","text":"RMA-2231"}]}]}}
            """,
            Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages")));
    }

    [Fact]
    public async Task Send_WhatsAppTemplateWithoutParameters_OmitsComponents()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa").LastInbound(TimeSpan.FromDays(3)));
        await App.QueueAsync(conversation, new ReplyRequest(null, ReplyType.Template, new TemplateReply("hello_world", "en_US", [])));

        await App.SendAsync();

        AssertJson($$$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{{conversation.Recipient}}}}","type":"template","template":{"name":"hello_world","language":{"code":"en_US"}}}""",
            Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages")));
    }

    /// <summary>Compares exactly, property order included, after normalising whitespace.</summary>
    internal static void AssertJson(string expected, RecordedRequest request)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), request.Json!.ToJsonString());
    }
}
