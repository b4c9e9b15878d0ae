using System.Net;
using Inbox.Core.Media;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Media;

public sealed class MediaInTests : MediaTestBase
{
    [Fact]
    public async Task Messenger_ImageAttachment_IsDownloadedFromItsUrlAndServedToApiClients()
    {
        Platform.Script("/cdn/photo.jpg", FakeResponse.File(Jpeg, "image/jpeg"));
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, "6100000000000001", "m_IMG1",
            $$$"""[{"type":"image","payload":{"url":"{{{Platform.BaseUrl}}}/cdn/photo.jpg"}}]"""));
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal("image", attachment.GetProperty("type").GetString());
        Assert.Equal("image/jpeg", attachment.GetProperty("mimeType").GetString());
        Assert.Equal(Jpeg.Length, attachment.GetProperty("size").GetInt64());
        Assert.Equal("stored", attachment.GetProperty("status").GetString());
        var url = attachment.GetProperty("url").GetString()!;
        Assert.Equal($"/media/{attachment.GetProperty("id").GetInt64()}", url);

        var file = await Api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Jpeg, await file.Content.ReadAsByteArrayAsync());
        Assert.Single(Platform.To("/cdn/photo.jpg"));
    }

    [Fact]
    public async Task Instagram_VideoAndStickerInOneMessage_StoresBoth()
    {
        byte[] mp4 = [0x00, 0x00, 0x00, 0x18, .. "ftypmp42"u8, 0x00, 0x00, 0x00, 0x00, .. "mp42isom"u8];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
        Platform.Script("/cdn/clip.mp4", FakeResponse.File(mp4, "video/mp4"));
        Platform.Script("/cdn/sticker.png", FakeResponse.File(png, "image/png"));
        await Webhooks.MetaRawAsync(MetaMessage("instagram", InstagramId, "1789000000000001", "aWdfZAG1",
            $$$"""[{"type":"video","payload":{"url":"{{{Platform.BaseUrl}}}/cdn/clip.mp4"}},{"type":"sticker","payload":{"url":"{{{Platform.BaseUrl}}}/cdn/sticker.png","sticker_id":369239263222822}}]"""));
        await ProcessAsync();

        var attachments = await AttachmentsAsync();
        Assert.Equal(["video/mp4", "image/png"], attachments.Select(a => a.GetProperty("mimeType").GetString()));
        Assert.Equal(["video", "sticker"], attachments.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal(mp4, await Api.GetByteArrayAsync(attachments[0].GetProperty("url").GetString()));
    }

    [Fact]
    public async Task WhatsApp_Document_AsksGraphForTheUrlThenDownloadsWithTheToken()
    {
        Platform.Script($"{Graph}/1087364923", FakeResponse.Ok($$"""
            {"messaging_product":"whatsapp","url":"{{Platform.BaseUrl}}/whatsapp-cdn/1087364923","mime_type":"application/pdf","sha256":"e3b0c442","file_size":{{Pdf.Length}},"id":"1087364923"}
            """));
        Platform.Script("/whatsapp-cdn/1087364923", FakeResponse.File(Pdf, "application/pdf"));
        await Webhooks.MetaRawAsync(WhatsAppMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", "document",
            """{"caption":"My receipt","filename":"receipt-0412.pdf","mime_type":"application/pdf","sha256":"e3b0c442","id":"1087364923"}"""));
        await ProcessAsync();

        var lookup = Assert.Single(Platform.To($"{Graph}/1087364923"));
        Assert.Equal("Bearer EAAB-wa-token", lookup.Header("Authorization"));
        Assert.Equal("Bearer EAAB-wa-token", Assert.Single(Platform.To("/whatsapp-cdn/1087364923")).Header("Authorization"));
        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal(("file", "application/pdf", "receipt-0412.pdf"), (attachment.GetProperty("type").GetString(), attachment.GetProperty("mimeType").GetString(), attachment.GetProperty("name").GetString()));

        var file = await Api.GetAsync(attachment.GetProperty("url").GetString());
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("receipt-0412.pdf", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Line_ImageAndAudio_AreFetchedFromTheDataApiWithTheToken()
    {
        byte[] m4a = [0x00, 0x00, 0x00, 0x1C, .. "ftypM4A "u8, 0x00, 0x00, 0x00, 0x00, .. "M4A isom"u8];
        Platform.Script("/line-data/v2/bot/message/325708/content", FakeResponse.File(Jpeg, "image/jpeg"));
        Platform.Script("/line-data/v2/bot/message/325709/content", FakeResponse.File(m4a, "audio/x-m4a"));
        await Webhooks.LineRawAsync(LineKey, LineMessage("U4af4980629000000000000000000000a", "01FZ74A0TDDPYRVKNK77XKC3ZR",
            """{"id":"325708","type":"image","quoteToken":"q3Plxr4AgKd","contentProvider":{"type":"line"}}"""), LineSecret);
        await Webhooks.LineRawAsync(LineKey, LineMessage("U4af4980629000000000000000000000a", "01FZ74A0TDDPYRVKNK77XKC3ZS",
            """{"id":"325709","type":"audio","duration":60000,"contentProvider":{"type":"line"}}"""), LineSecret);
        await ProcessAsync();

        Assert.Equal("Bearer line-token", Assert.Single(Platform.To("/line-data/v2/bot/message/325708/content")).Header("Authorization"));
        await using var db = App.OpenDb();
        var stored = await db.Attachments.OrderBy(a => a.Id).Select(a => new { a.Kind, a.MimeType, a.Status }).ToListAsync();
        Assert.Equal([("image", "image/jpeg"), ("audio", "audio/mp4")], stored.Select(a => (a.Kind, a.MimeType!)));
        Assert.All(stored, a => Assert.Equal(AttachmentStatus.Stored, a.Status));
    }

    [Fact]
    public async Task Line_Sticker_PictureComesFromTheStickerShop()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
        Platform.Script("/line-stickers/stickershop/v1/sticker/52002734/android/sticker.png", FakeResponse.File(png, "image/png"));
        await Webhooks.LineRawAsync(LineKey, LineMessage("U4af4980629000000000000000000000a", "01FZ74A0TDDPYRVKNK77XKC3ZT",
            """{"id":"325710","type":"sticker","packageId":"11537","stickerId":"52002734","stickerResourceType":"ANIMATION"}"""), LineSecret);
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal(("sticker", "image/png"), (attachment.GetProperty("type").GetString(), attachment.GetProperty("mimeType").GetString()));
    }

    [Fact]
    public async Task Download_HtmlPretendingToBeAnImage_IsRefusedAndNeverServed()
    {
        Platform.Script("/cdn/photo.jpg", new FakeResponse(200, "<html><script>alert(1)</script></html>", "image/jpeg"));
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, "6100000000000001", "m_IMG2",
            $$$"""[{"type":"image","payload":{"url":"{{{Platform.BaseUrl}}}/cdn/photo.jpg"}}]"""));
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal("unavailable", attachment.GetProperty("status").GetString());
        Assert.Equal("The file is not a image the inbox can show.", attachment.GetProperty("error").GetString());
        Assert.Equal(JsonNull, attachment.GetProperty("url").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/media/{attachment.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(App.Folder, "media")));
    }

    [Fact]
    public async Task Download_PlatformFailsEveryTime_IsRetriedThenShownAsNotAvailableWithTheReason()
    {
        Platform.Script("/cdn/photo.jpg", FakeResponse.GraphError(500, 2, null, "Service temporarily unavailable"));
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, "6100000000000001", "m_IMG3",
            $$$"""[{"type":"image","payload":{"url":"{{{Platform.BaseUrl}}}/cdn/photo.jpg"}}]"""));
        await ProcessAsync();

        var first = Assert.Single(await AttachmentsAsync());
        Assert.Equal("pending", first.GetProperty("status").GetString());
        await FetchAgainAsync();
        await FetchAgainAsync();

        var last = Assert.Single(await AttachmentsAsync());
        Assert.Equal("unavailable", last.GetProperty("status").GetString());
        Assert.StartsWith("Not downloaded after 3 attempts.", last.GetProperty("error").GetString());
        Assert.Equal(3, Platform.To("/cdn/photo.jpg").Count);
        var message = Assert.Single((await ConversationAsync()).GetProperty("messages").EnumerateArray());
        Assert.Equal("[image]", message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Download_FailsOnceThenWorks_IsStored()
    {
        Platform.Script("/cdn/photo.jpg", new FakeResponse(503, ""), FakeResponse.File(Jpeg, "image/jpeg"));
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, "6100000000000001", "m_IMG4",
            $$$"""[{"type":"image","payload":{"url":"{{{Platform.BaseUrl}}}/cdn/photo.jpg"}}]"""));
        await ProcessAsync();
        await FetchAgainAsync();

        Assert.Equal("stored", Assert.Single(await AttachmentsAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Download_WhatsAppTokenRefused_PutsTheChannelOnItsTokenAlertAndWaits()
    {
        Platform.Script($"{Graph}/55501", FakeResponse.GraphError(401, 190, 463, "Error validating access token: Session has expired"));
        await Webhooks.MetaRawAsync(WhatsAppMessage("wamid.TOKEN1", "image", """{"mime_type":"image/jpeg","sha256":"abc","id":"55501"}"""));
        await ProcessAsync();
        await FetchAgainAsync();

        Assert.Single(Platform.To($"{Graph}/55501"));
        Assert.Equal("pending", Assert.Single(await AttachmentsAsync()).GetProperty("status").GetString());
        await using var db = App.OpenDb();
        var channel = await db.Channels.SingleAsync(c => c.Key == "acme-wa");
        Assert.Contains("access token", channel.AuthError);
    }

    [Fact]
    public async Task Media_WithoutSignIn_IsRefused()
    {
        Platform.Script("/cdn/photo.jpg", FakeResponse.File(Jpeg, "image/jpeg"));
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, "6100000000000001", "m_IMG5",
            $$$"""[{"type":"image","payload":{"url":"{{{Platform.BaseUrl}}}/cdn/photo.jpg"}}]"""));
        await ProcessAsync();
        var url = Assert.Single(await AttachmentsAsync()).GetProperty("url").GetString();

        var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync(url);

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(Jpeg, body);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
