using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

/// <summary>Customers' photos and profiles on a Messenger channel whose Graph API and CDN are played by a fake platform.</summary>
[Collection(MediaCollection.Name)]
public sealed class MediaTests(MediaFixture fixture)
{
    [Fact]
    public async Task Customer_SendsAPhoto_AgentSeesRealNameAvatarAndThePhotoInline()
    {
        const string psid = "6100000000004242";
        var platform = fixture.Platform;
        platform.Script($"{FakePlatformServer.GraphRoot}/{psid}", FakeResponse.Ok(
            $$"""{"first_name":"Lena","last_name":"Fischer","profile_pic":"{{platform.BaseUrl}}/cdn/lena.png","id":"{{psid}}"}"""));
        platform.Script("/cdn/lena.png", FakeResponse.File(MediaFixture.Asset("customer.png"), "image/png"));
        platform.Script("/cdn/parcel.png", FakeResponse.File(MediaFixture.Asset("damaged-parcel.png"), "image/png"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await fixture.PostMetaWebhookAsync($$$"""
            {"object":"page","entry":[{"id":"{{{MediaFixture.PageId}}}","time":{{{now}}},"messaging":[
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{MediaFixture.PageId}}}"},"timestamp":{{{now}}},
               "message":{"mid":"m_e2e_photo_1","text":"My parcel arrived like this","attachments":[{"type":"image","payload":{"url":"{{{platform.BaseUrl}}}/cdn/parcel.png"}}]}}]}]}
            """);

        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync(MediaFixture.AdminEmail, MediaFixture.AdminPassword);
        await fixture.WithAppLogAsync(() => inbox.OpenConversationAsync("Lena Fischer"));

        await Expect(inbox.Conversation.GetByTestId("customer-avatar")).ToBeVisibleAsync();
        var photo = inbox.Messages.Last.GetByTestId("attachment-image");
        await Expect(photo).ToBeVisibleAsync();
        await Expect(inbox.Messages.Last).ToContainTextAsync("My parcel arrived like this");
        // Loaded from /media, so the browser has the real pixels.
        await Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 480);
        await Expect(inbox.Conversation.GetByTestId("customer-avatar")).ToHaveJSPropertyAsync("naturalWidth", 96);
        Assert.DoesNotContain(platform.BaseUrl, await page.ContentAsync());
        await inbox.ScreenshotAsync("media-customer-photo-and-avatar");
    }

    [Fact]
    public async Task Agent_AttachesAPictureAndSendsIt_PlatformGetsTheFileAndTheTimelineShowsIt()
    {
        const string psid = "6100000000005353";
        var platform = fixture.Platform;
        var sendApi = FakePlatformServer.MessengerPath(MediaFixture.PageId);
        platform.Script($"{FakePlatformServer.GraphRoot}/{psid}", FakeResponse.Ok($$"""{"first_name":"Omar","last_name":"Haddad","id":"{{psid}}"}"""));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await fixture.PostMetaWebhookAsync($$$"""
            {"object":"page","entry":[{"id":"{{{MediaFixture.PageId}}}","time":{{{now}}},"messaging":[
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{MediaFixture.PageId}}}"},"timestamp":{{{now}}},
               "message":{"mid":"m_e2e_ask_label","text":"Can you send me a picture of the return label?"}}]}]}
            """);

        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync(MediaFixture.AdminEmail, MediaFixture.AdminPassword);
        await inbox.OpenConversationAsync("Omar Haddad");
        var composer = new ComposerPage(page);
        var sentBefore = platform.To(sendApi).Count;

        await composer.AttachAsync(Path.Combine(AppContext.BaseDirectory, "Assets", "damaged-parcel.png"));
        await Expect(composer.AttachmentPreview).ToContainTextAsync("damaged-parcel.png");
        await Expect(composer.AttachmentPreview.GetByTestId("attachment-preview-image")).ToHaveJSPropertyAsync("naturalWidth", 480);
        await composer.WriteAsync("This is how the parcel left us.");
        await inbox.ScreenshotAsync("media-agent-attaches-picture");
        await composer.SendAsync();

        var sent = inbox.Messages.Last;
        await Expect(sent.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Sent");
        await Expect(sent.GetByTestId("attachment-image")).ToHaveJSPropertyAsync("naturalWidth", 480);
        await Expect(sent).ToContainTextAsync("This is how the parcel left us.");
        // Besides the read and typing signals: the upload with the file, then the text.
        var calls = platform.To(sendApi).Skip(sentBefore).ToList();
        Assert.Equal(MediaFixture.Asset("damaged-parcel.png"), Assert.Single(calls, c => c.Parts is not null).Part("filedata").Bytes);
        Assert.Single(calls, c => c.Parts is null && c.Json?["message"]?["text"]?.GetValue<string>() == "This is how the parcel left us.");
        await Expect(composer.AttachmentPreview).ToHaveCountAsync(0);
        await inbox.ScreenshotAsync("media-agent-sent-picture");
    }
}
