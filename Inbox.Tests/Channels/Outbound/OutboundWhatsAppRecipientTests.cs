using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>WhatsApp replies go with <c>to</c> while the phone number is known, else with <c>recipient</c> = the BSUID (docs/platform-rules.md §5).</summary>
public sealed class OutboundWhatsAppRecipientTests : OutboundTestBase
{
    private const string Bsuid = "BR.1502576394655843";
    private static readonly string Endpoint = $"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages";

    [Fact]
    public async Task Send_CustomerKnownOnlyByBsuid_AddressesTheRecipientField()
    {
        Platform.Script(Endpoint, FakeResponse.WhatsAppOk("wamid.R1"));
        var conversation = await App.AddAsync(ConversationSeed.On("wa").WithContact(Bsuid));
        var id = await App.QueueAsync(conversation, new ReplyRequest("It ships today.", ReplyType.FreeForm));

        await App.SendAsync();

        OutboundPayloadTests.AssertJson(
            $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","recipient":"{{{Bsuid}}}","type":"text","text":{"body":"It ships today."}}""",
            Assert.Single(Platform.To(Endpoint)));
        Assert.Equal((DeliveryStatus.Sent, "wamid.R1"), ((await App.MessageAsync(id)).Status, (await App.MessageAsync(id)).PlatformMessageId));
    }

    [Fact]
    public async Task Send_CustomerWithBsuidAndPhone_AddressesThePhoneNumber()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa").WithContact(Bsuid, phone: "5511987654321").LastInbound(TimeSpan.FromDays(2)));
        await App.QueueAsync(conversation, new ReplyRequest(null, ReplyType.Template, new TemplateReply("hello_world", "en_US", [])));

        await App.SendAsync();

        OutboundPayloadTests.AssertJson(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511987654321","type":"template","template":{"name":"hello_world","language":{"code":"en_US"}}}""",
            Assert.Single(Platform.To(Endpoint)));
    }

    [Fact]
    public async Task Send_TemplateRefusedForBsuidRecipient_FailsNotDeliveredWithTheReason()
    {
        Platform.Script(Endpoint, FakeResponse.GraphError(400, 131062, null, "Business-scoped user ID recipients not supported for this message type"));
        var conversation = await App.AddAsync(ConversationSeed.On("wa").WithContact(Bsuid).LastInbound(TimeSpan.FromDays(2)));
        var id = await App.QueueAsync(conversation, new ReplyRequest(null, ReplyType.Template, new TemplateReply("login_code", "en_US", ["123456"])));

        await App.SendAsync();

        Assert.Equal(Bsuid, Assert.Single(Platform.To(Endpoint)).Json!["recipient"]!.GetValue<string>());
        OutboundAssert.Failed(await App.MessageAsync(id), SendFailure.RecipientUnavailable, "131062", "known only by their username");
    }
}
