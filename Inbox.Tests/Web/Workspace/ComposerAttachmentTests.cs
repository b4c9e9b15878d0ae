using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Media;
using Inbox.Core.Policy;
using Inbox.Tests.Media;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web.Workspace;

/// <summary>The composer's attachment: picked (as drop and paste hand it over), previewed, removed, refused and sent.</summary>
public sealed class ComposerAttachmentTests : CoreTestBase
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[2040]];

    private DateTime Now => Harness.Time.UtcNow;

    [Fact]
    public async Task Attach_Picture_ShowsItsThumbnailNameAndSize_AndRemoveTakesItAway()
    {
        await using var ctx = ComponentContext.Create(Harness.Services, c =>
            c.JSInterop.SetupModule("/js/composer.js").Setup<string?>("previewUrl", _ => true).SetResult("blob:https://inbox.test/preview-1"));
        var composer = Render(ctx, await AConversationAsync(ChannelKind.Messenger));

        composer.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Png, "damaged parcel.png", contentType: "image/png"));

        var preview = composer.Find("[data-testid=attachment-preview]");
        Assert.Equal("image", preview.GetAttribute("data-kind"));
        Assert.Equal("blob:https://inbox.test/preview-1", composer.Find("[data-testid=attachment-preview-image]").GetAttribute("src"));
        Assert.Equal("damaged parcel.png", composer.Find("[data-testid=attachment-preview-name]").TextContent);
        Assert.Equal("2 KB", composer.Find("[data-testid=attachment-preview-size]").TextContent);

        composer.Find("[data-testid=attachment-remove]").Click();

        Assert.Empty(composer.FindAll("[data-testid=attachment-preview]"));
    }

    [Fact]
    public async Task Attach_Document_ShowsNameAndSizeWithoutAThumbnail()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.WhatsApp));

        composer.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(AttachmentUpload.Pdf, "invoice.pdf", contentType: "application/pdf"));

        Assert.Equal("file", composer.Find("[data-testid=attachment-preview]").GetAttribute("data-kind"));
        Assert.Equal("invoice.pdf", composer.Find("[data-testid=attachment-preview-name]").TextContent);
        Assert.Empty(composer.FindAll("[data-testid=attachment-preview-image]"));
    }

    [Fact]
    public async Task Attach_GifOnWhatsApp_IsRefusedNextToTheButton()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.WhatsApp));

        composer.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(AttachmentUpload.Gif, "smile.gif", contentType: "image/gif"));

        Assert.Equal("WhatsApp accepts only JPEG or PNG pictures; this picture is image/gif.", composer.Find("[data-testid=attachment-error]").TextContent);
        Assert.Empty(composer.FindAll("[data-testid=attachment-preview]"));
    }

    [Fact]
    public async Task Send_PictureWithoutText_QueuesTheReplyWithTheStoredFileAndClearsThePreview()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var conversation = await AConversationAsync(ChannelKind.Messenger);
        var composer = Render(ctx, conversation);
        composer.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(AttachmentUpload.Jpeg, "label.jpg", contentType: "image/jpeg"));

        composer.Find("[data-testid=composer-send]").Click();
        composer.WaitForAssertion(() => Assert.Empty(composer.FindAll("[data-testid=attachment-preview]")));

        await using var db = Harness.Open();
        var sent = await db.Messages.Include(m => m.Attachments).SingleAsync(m => m.ConversationId == conversation.Id);
        Assert.Equal(("[image]", DeliveryStatus.Queued), (sent.Text, sent.Status));
        var file = Assert.Single(sent.Attachments);
        Assert.Equal(("image", "image/jpeg", "label.jpg", AttachmentStatus.Stored), (file.Kind, file.MimeType, file.FileName, file.Status));
        Assert.True(Harness.Get<MediaStore>().Exists(file.StoredAs));
    }

    [Fact]
    public async Task Render_LineWithoutPublicBaseUrl_SaysWhyFilesAreOff()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.Line));

        Assert.Contains("Inbox:PublicBaseUrl", composer.Find("[data-testid=composer-attach-off]").TextContent);
        Assert.Empty(composer.FindAll("[data-testid=composer-file]"));
    }

    private IRenderedComponent<Composer> Render(BunitContext ctx, Conversation conversation) =>
        ctx.Render<Composer>(p => p
            .Add(c => c.Conversation, conversation)
            .Add(c => c.Decision, ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), Now))
            .Add(c => c.Now, Now)
            .Add(c => c.ActorName, "Alice Agent"));

    private async Task<Conversation> AConversationAsync(ChannelKind kind) =>
        await Harness.AddConversationAsync(await Harness.AddChannelAsync(kind, lineQuotaLeft: kind == ChannelKind.Line ? 500 : null), TimeSpan.FromHours(2));
}
