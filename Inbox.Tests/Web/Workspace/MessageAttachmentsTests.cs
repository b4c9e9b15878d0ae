using Bunit;
using Inbox.Core.Media;
using Inbox.Web.Components.Pages.Workspace;

namespace Inbox.Tests.Web.Workspace;

public sealed class MessageAttachmentsTests
{
    [Fact]
    public async Task Render_StoredPhotoVoiceNoteAndFile_ShowsImagePlayerAndDownloadFromTheApp()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<MessageAttachments>(p => p.Add(c => c.Attachments, new List<Attachment>
        {
            Stored(1, "image", "image/jpeg"),
            Stored(2, "audio", "audio/ogg"),
            Stored(3, "file", "application/pdf", "receipt-0412.pdf", 48_128),
        }));

        Assert.Equal("/media/1", cut.Find("[data-testid=attachment-image]").GetAttribute("src"));
        Assert.Equal("/media/2", cut.Find("[data-testid=attachment-audio]").GetAttribute("src"));
        var file = cut.Find("[data-testid=attachment-file]");
        Assert.Equal("/media/3", file.GetAttribute("href"));
        Assert.Contains("receipt-0412.pdf · 47 KB", file.TextContent);
    }

    [Fact]
    public async Task Render_PendingAndUnavailable_SayWhatIsHappening()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<MessageAttachments>(p => p.Add(c => c.Attachments, new List<Attachment>
        {
            new() { Id = 4, Kind = "video", Status = AttachmentStatus.Pending },
            new() { Id = 5, Kind = "image", Status = AttachmentStatus.Unavailable, Failure = "The platform no longer has this file (HTTP 404)." },
        }));

        Assert.Contains("Downloading Video", cut.Find("[data-kind=video]").TextContent);
        Assert.Equal("Photo not available: The platform no longer has this file (HTTP 404).", cut.Find("[data-testid=attachment-unavailable]").TextContent.Trim());
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("video"));
    }

    [Fact]
    public async Task Render_FileWhoseTypeIsAnImage_IsStillOfferedAsADownload()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<MessageAttachments>(p => p.Add(c => c.Attachments, new List<Attachment> { Stored(6, "file", "image/png", "scan.png", 900) }));

        Assert.Empty(cut.FindAll("img"));
        Assert.Contains("scan.png · 900 B", cut.Find("[data-testid=attachment-file]").TextContent);
    }

    private static Attachment Stored(long id, string kind, string mimeType, string? name = null, long size = 1000) => new()
    {
        Id = id, Kind = kind, MimeType = mimeType, FileName = name, Size = size, Status = AttachmentStatus.Stored, StoredAs = $"{id}.bin",
    };
}
