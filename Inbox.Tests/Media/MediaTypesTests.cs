using Inbox.Core.Media;

namespace Inbox.Tests.Media;

public sealed class MediaTypesTests
{
    public static TheoryData<string, byte[], string?, string?> Cases => new()
    {
        { "image", [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg", "image/jpeg" },
        { "image", [.. "GIF89a"u8], null, "image/gif" },
        { "sticker", [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8], "image/webp", "image/webp" },
        { "audio", [.. "OggS"u8, 0, 2], "audio/ogg; codecs=opus", "audio/ogg" },
        { "audio", [0, 0, 0, 0x1C, .. "ftypisom"u8], "audio/mp4", "audio/mp4" },
        { "video", [0, 0, 0, 0x18, .. "ftypmp42"u8], "video/mp4", "video/mp4" },
        { "file", [.. "%PDF-1.4"u8], "application/octet-stream", "application/pdf" },
        { "file", [.. "PK\u0003\u0004"u8], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "file", [.. "<html><script>"u8], "text/html", "application/octet-stream" },
        { "file", [.. "<svg onload=alert(1)>"u8], "image/svg+xml", "application/octet-stream" },
        { "file", [.. "order,total\n"u8], "text/csv", "text/csv" },
        { "image", [.. "<svg onload=alert(1)>"u8], "image/svg+xml", null },
        { "image", [.. "%PDF-1.4"u8], "image/jpeg", null },
        { "video", [0xFF, 0xD8, 0xFF, 0xE0], "video/mp4", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_TypeComesFromTheBytes_NeverFromTheWordAlone(string kind, byte[] header, string? declared, string? expected)
    {
        var (mimeType, refusal) = MediaTypes.Check(kind, header, declared);

        Assert.Equal(expected, mimeType);
        Assert.Equal(expected is null, refusal is not null);
    }

    [Theory]
    [InlineData("image/jpeg", true)]
    [InlineData("audio/ogg", true)]
    [InlineData("application/pdf", false)]
    [InlineData("text/html", false)]
    [InlineData("image/svg+xml", false)]
    public void IsInline_OnlyPicturesVideoAndAudio(string mimeType, bool inline) => Assert.Equal(inline, MediaTypes.IsInline(mimeType));
}
