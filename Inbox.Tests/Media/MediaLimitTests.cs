namespace Inbox.Tests.Media;

public sealed class MediaLimitTests : MediaTestBase
{
    protected override Dictionary<string, string?> Overrides => new() { ["Inbox:Media:MaxBytes"] = "1048576" };

    [Fact]
    public async Task Download_LargerThanMaxBytes_IsStoppedAndShownAsNotAvailable()
    {
        byte[] big = [.. Jpeg[..^2], .. new byte[1024 * 1024], 0xFF, 0xD9];
        Platform.Script("/cdn/big.jpg", FakeResponse.File(big, "image/jpeg"));
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, "6100000000000001", "m_BIG1",
            $$$"""[{"type":"image","payload":{"url":"{{{Platform.BaseUrl}}}/cdn/big.jpg"}}]"""));
        await ProcessAsync();

        var attachment = Assert.Single(await AttachmentsAsync());
        Assert.Equal("unavailable", attachment.GetProperty("status").GetString());
        Assert.Equal("The file is larger than the 1 MB limit.", attachment.GetProperty("error").GetString());
        Assert.Empty(Directory.GetFiles(Path.Combine(App.Folder, "media")));
    }

    [Fact]
    public async Task WhatsApp_FileSizeAboveTheLimit_IsNotDownloadedAtAll()
    {
        Platform.Script($"{Graph}/66601", FakeResponse.Ok($$"""
            {"messaging_product":"whatsapp","url":"{{Platform.BaseUrl}}/whatsapp-cdn/66601","mime_type":"video/mp4","sha256":"x","file_size":52428800,"id":"66601"}
            """));
        await Webhooks.MetaRawAsync(WhatsAppMessage("wamid.BIG2", "video", """{"mime_type":"video/mp4","sha256":"x","id":"66601"}"""));
        await ProcessAsync();

        Assert.Equal("unavailable", Assert.Single(await AttachmentsAsync()).GetProperty("status").GetString());
        Assert.Empty(Platform.To("/whatsapp-cdn/66601"));
    }
}
