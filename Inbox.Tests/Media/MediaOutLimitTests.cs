using System.Net;
using Inbox.Tests.Channels.Outbound;
using static Inbox.Tests.Media.AttachmentUpload;

namespace Inbox.Tests.Media;

/// <summary>An inbox without a public address and with a 1 MB file limit of its own.</summary>
public sealed class MediaOutLimitTests : OutboundTestBase
{
    protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Inbox:Media:MaxBytes"] = "1048576" };

    [Fact]
    public async Task Post_PictureToLineWithoutPublicBaseUrl_Is400SayingWhatToSet()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("line"));

        using var response = await PostAsync(App.Api(), conversation.Id, Jpeg, "photo.jpg", "image/jpeg");

        Assert.Contains("Inbox:PublicBaseUrl", await ProblemAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Post_FileOverTheAppsOwnLimit_Is400()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));

        using var response = await PostAsync(App.Api(), conversation.Id, JpegOf(1024 * 1024 + 1), "photo.jpg", "image/jpeg");

        Assert.Equal("The file is larger than the 1 MB limit.", await ProblemAsync(response, HttpStatusCode.BadRequest));
        Assert.DoesNotContain(Platform.Requests, r => r.Path.EndsWith("/messages", StringComparison.Ordinal));
    }
}
