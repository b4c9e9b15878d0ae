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

    [Fact]
    public async Task Render_SharedPost_IsALinkCardWithTheTitle()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<MessageAttachments>(p => p.Add(c => c.Attachments, new List<Attachment>
        {
            new() { Id = 7, Kind = "post", PlatformType = "ig_post", Status = AttachmentStatus.Reference, Source = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", Title = "Spring collection" },
        }));

        var link = cut.Find("[data-testid=attachment-post-link]");
        Assert.Equal(("Shared a post", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", "_blank"), (link.TextContent, link.GetAttribute("href"), link.GetAttribute("target")));
        Assert.Equal("Spring collection", cut.Find("[data-testid=attachment-post-title]").TextContent);
        Assert.Empty(cut.FindAll("[role=status]"));
    }

    [Fact]
    public async Task Render_UnsupportedType_NamesItAndShowsTheRawReferenceAsText()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<MessageAttachments>(p => p.Add(c => c.Attachments, new List<Attachment>
        {
            new() { Id = 8, Kind = "unsupported", PlatformType = "appointment_booking", Status = AttachmentStatus.Reference, Source = """{"booking_id":"8812"}""" },
            new() { Id = 9, Kind = "post", PlatformType = "post", Status = AttachmentStatus.Reference, Source = "javascript:alert(1)" },
        }));

        Assert.StartsWith("unsupported attachment: appointment_booking", cut.Find("[data-testid=attachment-unsupported]").TextContent.Trim());
        Assert.Equal("""{"booking_id":"8812"}""", cut.Find("[data-testid=attachment-reference]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=attachment-post-link]"));
    }

    private static Attachment Stored(long id, string kind, string mimeType, string? name = null, long size = 1000) => new()
    {
        Id = id, Kind = kind, MimeType = mimeType, FileName = name, Size = size, Status = AttachmentStatus.Stored, StoredAs = $"{id}.bin",
    };
}
