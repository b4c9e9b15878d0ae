using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Core.Media;
using Inbox.Tests.Channels.Outbound;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Inbox.Tests.Media.AttachmentUpload;

namespace Inbox.Tests.Media;

/// <summary>What the attachments endpoint refuses before anything is queued, and who the public link serves.</summary>
public sealed class MediaOutApiTests : OutboundTestBase
{
    private const string PublicBaseUrl = "https://inbox.example.test";

    protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Inbox:PublicBaseUrl"] = PublicBaseUrl };

    [Fact]
    public async Task Post_PictureOverWhatsAppsLimit_Is400AndLeavesNothingBehind()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa"));

        using var response = await PostAsync(App.Api(), conversation.Id, JpegOf((5 * 1024 * 1024) + 1), "big.jpg", "image/jpeg");

        Assert.Equal("The picture is larger than WhatsApp's limit: it accepts JPEG or PNG pictures up to 5 MB.", await ProblemAsync(response, HttpStatusCode.BadRequest));
        await AssertNothingStoredAsync(conversation.Id);
    }

    [Fact]
    public async Task Post_GifToWhatsApp_Is400NamingTheTypesItTakes()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa"));

        using var response = await PostAsync(App.Api(), conversation.Id, Gif, "smile.gif", "image/gif");

        Assert.Equal("WhatsApp accepts only JPEG or PNG pictures; this picture is image/gif.", await ProblemAsync(response, HttpStatusCode.BadRequest));
        await AssertNothingStoredAsync(conversation.Id);
    }

    [Fact]
    public async Task Post_FileToLine_Is400BecauseLineBotsCannotSendFiles()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("line"));

        using var response = await PostAsync(App.Api(), conversation.Id, Pdf, "terms.pdf", "application/pdf");

        Assert.Contains("LINE bots cannot send files", await ProblemAsync(response, HttpStatusCode.BadRequest));
        await AssertNothingStoredAsync(conversation.Id);
    }

    [Fact]
    public async Task Post_AfterTheWindowClosed_Is409WithThePolicysReason()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb").LastInbound(TimeSpan.FromDays(8)));

        using var response = await PostAsync(App.Api(), conversation.Id, Jpeg, "photo.jpg", "image/jpeg", "Still interested?");

        Assert.NotEmpty(await ProblemAsync(response, HttpStatusCode.Conflict));
        await AssertNothingStoredAsync(conversation.Id);
    }

    [Fact]
    public async Task Post_WithoutAFile_Is400()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));
        using var form = new MultipartFormDataContent { { new StringContent("just text"), "text" } };

        using var response = await App.Api().PostAsync($"/api/conversations/{conversation.Id}/attachments", form);

        Assert.Contains("'file'", await ProblemAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task PublicLink_TamperedOrExpired_Is403()
    {
        var id = await SentPictureAsync();
        var links = App.Services.GetRequiredService<PublicMediaLinks>();
        var valid = new Uri(links.For(id)!).PathAndQuery;
        var anonymous = App.Client();

        using var ok = await anonymous.GetAsync(valid);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var otherFile = await anonymous.GetAsync(valid.Replace($"/public/{id}?", $"/public/{id + 1}?", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, otherFile.StatusCode);
        using var longer = await anonymous.GetAsync(valid.Replace("exp=", "exp=9", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, longer.StatusCode);
        using var unsigned = await anonymous.GetAsync($"/media/public/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);

        // Made eight days ago with the app's own key: the signature holds, the week has passed.
        var lastWeek = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromDays(8));
        var old = new PublicMediaLinks(
            App.Services.GetRequiredService<IDataProtectionProvider>(), Options.Create(new PublicLinkOptions { PublicBaseUrl = PublicBaseUrl }), Options.Create(new MediaOptions()), lastWeek);
        using var expired = await anonymous.GetAsync(new Uri(old.For(id)!).PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task PublicLink_ToACustomersFile_IsNotServed()
    {
        var id = await SentPictureAsync();
        await using (var db = App.OpenDb())
        {
            // The same file, as if the customer had sent it.
            await db.Messages.Where(m => m.Attachments.Any(a => a.Id == id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Direction, MessageDirection.Inbound));
        }

        using var response = await App.Client().GetAsync(new Uri(App.Services.GetRequiredService<PublicMediaLinks>().For(id)!).PathAndQuery);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<long> SentPictureAsync()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("line"));
        using var response = await PostAsync(App.Api(), conversation.Id, Jpeg, "photo.jpg", "image/jpeg");
        var message = await response.Content.ReadFromJsonAsync<JsonElement>();
        return message.GetProperty("attachments")[0].GetProperty("id").GetInt64();
    }

    private async Task AssertNothingStoredAsync(int conversationId)
    {
        await using var db = App.OpenDb();
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversationId));
        var folder = App.Services.GetRequiredService<MediaStore>().Folder;
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []);
    }
}
