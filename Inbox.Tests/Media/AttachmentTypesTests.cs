using System.Text.Json;
using Inbox.Core.Channels.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Media;

/// <summary>
/// Attachments beyond files (docs/platform-rules.md §4a): Instagram post shares (<c>ig_post</c>) become a link with the
/// post's title, Meta's new <c>sticker</c> type is one sticker (not a sticker and its parallel image), and any type
/// Inbox does not know is recorded with its raw reference on every platform, never dropped.
/// </summary>
public sealed class AttachmentTypesTests : MediaTestBase
{
    [Fact]
    public async Task Instagram_PostShareDuringTheTransition_IsOneLinkWithTheTitle()
    {
        const string url = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=18139494541428835&signature=abc";
        const string payload = $$"""{"ig_post_media_id":"18139494541428835","title":"Build a workspace that attracts talent.","url":"{{url}}"}""";
        await Webhooks.MetaRawAsync(MetaMessage("instagram", InstagramId, "9120000001", "aWdfZAG1faXRlbTo1",
            $$"""[{"type":"share","payload":{{payload}}},{"type":"ig_post","payload":{{payload}}}]"""));
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal(("post", "ig_post", "reference"), (Text(attachment, "type"), Text(attachment, "platformType"), Text(attachment, "status")));
        Assert.Equal(("Build a workspace that attracts talent.", url), (Text(attachment, "title"), Text(attachment, "reference")));
        Assert.Null(Text(attachment, "url"));
        Assert.Equal("[ig_post]", await OnlyMessageTextAsync());
    }

    [Fact]
    public async Task Messenger_StickerWithItsParallelImage_IsOneStickerDownloaded()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
        Platform.Script("/cdn/sticker.png", FakeResponse.File(png, "image/png"));
        var sticker = $$"""{"url":"{{Platform.BaseUrl}}/cdn/sticker.png","sticker_id":369239263222822}""";
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, "6100000000000001", "m_STICKER1",
            $$"""[{"type":"image","payload":{{sticker}}},{"type":"sticker","payload":{{sticker}}}]"""));
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal(("sticker", "stored", "image/png"), (Text(attachment, "type"), Text(attachment, "status"), Text(attachment, "mimeType")));
        Assert.Single(Platform.To("/cdn/sticker.png"));
        Assert.Equal("[sticker]", await OnlyMessageTextAsync());
    }

    [Fact]
    public async Task Messenger_TypeInboxDoesNotKnow_IsRecordedWithItsRawPayload()
    {
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, "6100000000000001", "m_BOOKING1",
            """[{"type":"appointment_booking","payload":{"booking_id":"8812","status":"requested","start_time":1739612400}}]"""));
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal(("unsupported", "appointment_booking", "reference"), (Text(attachment, "type"), Text(attachment, "platformType"), Text(attachment, "status")));
        Assert.Equal("8812", JsonDocument.Parse(Text(attachment, "reference")!).RootElement.GetProperty("booking_id").GetString());
    }

    [Fact]
    public async Task WhatsApp_UnsupportedMessage_IsRecordedWithTheCustomersTypeAndMetasReason()
    {
        await Webhooks.MetaRawAsync(WhatsAppRaw("""
            {"from":"16505551234","id":"wamid.UNSUPPORTED1","timestamp":"1764460000","type":"unsupported",
             "errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}],
             "unsupported":{"type":"edit"}}
            """));
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal(("unsupported", "edit"), (Text(attachment, "type"), Text(attachment, "platformType")));
        Assert.Contains("131051", Text(attachment, "reference"));
    }

    [Fact]
    public async Task WhatsApp_ContactCard_IsRecordedAsUnsupportedWithTheCard()
    {
        await Webhooks.MetaRawAsync(WhatsAppMessage("wamid.CONTACTS1", "contacts", """[{"name":{"formatted_name":"Ken Sato","first_name":"Ken"},"phones":[{"phone":"+81 90 1234 5678","type":"CELL"}]}]"""));
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal(("unsupported", "contacts"), (Text(attachment, "type"), Text(attachment, "platformType")));
        Assert.Contains("Ken Sato", Text(attachment, "reference"));
    }

    [Fact]
    public async Task Line_MessageTypeInboxDoesNotKnow_IsRecordedWithTheMessage()
    {
        await Webhooks.LineRawAsync(LineKey, LineMessage("U4af4980629", "01HZX0000000000000000000A1",
            """{"id":"468789577898262531","type":"poll","quoteToken":"q3Plxr4AgKd","question":"Which colour?"}"""), LineSecret);
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal(("unsupported", "poll"), (Text(attachment, "type"), Text(attachment, "platformType")));
        Assert.Contains("Which colour?", Text(attachment, "reference"));
    }

    [Fact]
    public async Task WhatsApp_Image_IsFetchedAsSoonAsTheMessageIsProcessed()
    {
        Platform.Script($"{Graph}/2205440912345678", FakeResponse.Ok($$"""{"url":"{{Platform.BaseUrl}}/wa-cdn/img","mime_type":"image/jpeg","file_size":{{Jpeg.Length}},"id":"2205440912345678"}"""));
        Platform.Script("/wa-cdn/img", FakeResponse.File(Jpeg, "image/jpeg"));
        await Webhooks.MetaRawAsync(WhatsAppMessage("wamid.IMG7", "image", """{"mime_type":"image/jpeg","sha256":"x","id":"2205440912345678"}"""));

        // Only the processing: the media worker polls hourly here, so the download can only come from the message waking it.
        await App.Services.GetRequiredService<WebhookProcessor>().ProcessPendingAsync();
        await Platform.WaitForAsync("/wa-cdn/img");

        Assert.Equal("Bearer EAAB-wa-token", Assert.Single(Platform.To($"{Graph}/2205440912345678")).Header("Authorization"));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<string> OnlyMessageTextAsync()
    {
        await using var db = App.OpenDb();
        return (await db.Messages.SingleAsync()).Text;
    }

    private static string WhatsAppRaw(string message) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"{{{PhoneNumberId}}}"},
          "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],
          "messages":[{{{message}}}]}}]}]}
        """;
}
