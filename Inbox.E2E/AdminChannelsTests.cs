using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

[Collection(AppCollection.Name)]
public sealed class AdminChannelsTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task Admin_AddsLineChannel_SeesItListedWithItsWebhookUrl()
    {
        var channels = await SignInAsAdminAsync();

        await channels.AddChannelAsync("LINE", "acme-line", "Acme LINE", "U4af4980629000000000000000000001", "line-token-12345678", "line-secret-abcdef");

        await Expect(channels.Notice).ToContainTextAsync("Channel acme-line added.");
        await Expect(channels.Form).ToHaveCountAsync(0);
        var row = channels.Row("acme-line");
        await Expect(row.GetByTestId("channel-name")).ToHaveTextAsync("Acme LINE");
        await Expect(row).ToContainTextAsync("••••5678");
        await Expect(row).Not.ToContainTextAsync("line-token-12345678");
        await Expect(row.GetByTestId("line-quota")).ToContainTextAsync("not fetched yet");
        await Expect(channels.WebhookUrlOf("acme-line")).ToHaveTextAsync(fixture.App.BaseUrl.ToString().TrimEnd('/') + "/webhooks/line/acme-line");
        await channels.ScreenshotAsync("admin-channels-added");
    }

    [Fact]
    public async Task Admin_AddsChannelWithTakenKey_SeesTheRefusalNextToTheForm()
    {
        var channels = await SignInAsAdminAsync();

        await channels.AddChannelAsync("Messenger", "nw-facebook", "Another Page", "104999", "EAAB-token-0001");

        await Expect(channels.FormError).ToHaveTextAsync("Another channel already uses the key nw-facebook.");
        await Expect(channels.Form).ToBeVisibleAsync();
        await channels.ScreenshotAsync("admin-channels-duplicate-key");
    }

    [Fact]
    public async Task Admin_ChannelWithRefusedTokenAndQuota_SeesAlertsUntilANewTokenIsEntered()
    {
        var channels = await SignInAsAdminAsync();
        await channels.AddChannelAsync("LINE", "alert-line", "Alert LINE", "U4af4980629000000000000000000002", "line-token-old-0001", "line-secret-abcdef");
        await Expect(channels.Row("alert-line")).ToBeVisibleAsync();

        // What the sender and the quota check will record; no screen produces it.
        await fixture.App.ExecuteSqlAsync(
            """
            UPDATE "Channels" SET "AuthError" = 'LINE 401: Authentication failed', "AuthErrorAt" = '2026-11-20 09:30:00',
                "LineQuotaLimit" = 500, "LineQuotaUsed" = 120, "LineQuotaCheckedAt" = '2026-11-20 10:00:00'
            WHERE "Key" = 'alert-line'
            """);
        await channels.OpenAsync();

        await Expect(channels.AlertsOf("alert-line").GetByTestId("alert-auth"))
            .ToContainTextAsync("Access token refused on 2026-11-20 09:30 UTC: LINE 401: Authentication failed — enter a new token");
        await Expect(channels.Row("alert-line").GetByTestId("line-quota")).ToContainTextAsync("120 / 500 this month, checked 2026-11-20 10:00 UTC");
        await channels.ScreenshotAsync("admin-channels-alerts");

        await channels.ReplaceTokenAsync("alert-line", "line-token-new-0002");

        await Expect(channels.Notice).ToContainTextAsync("Channel alert-line saved.");
        await Expect(channels.AlertsOf("alert-line")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Admin_DeletesChannels_OnlyThoseWithoutConversationsGo()
    {
        var channels = await SignInAsAdminAsync();
        await channels.AddChannelAsync("WhatsApp", "short-lived", "Short-lived number", "109555000", "EAAB-token-0002");
        await Expect(channels.Row("short-lived")).ToBeVisibleAsync();

        await channels.DeleteAsync("short-lived");
        await Expect(channels.Notice).ToContainTextAsync("Channel short-lived deleted.");
        await Expect(channels.Row("short-lived")).ToHaveCountAsync(0);

        await channels.DeleteAsync("nw-whatsapp");
        await Expect(channels.Notice).ToContainTextAsync("Channel nw-whatsapp cannot be deleted: it has");
        await Expect(channels.Row("nw-whatsapp")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Agent_OpensChannelsPage_IsRefused()
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SignInAsync("agent@inbox.demo");
        await Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/channels");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("channels-table")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("add-channel")).ToHaveCountAsync(0);
    }

    private async Task<AdminChannelsPage> SignInAsAdminAsync()
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin@inbox.demo");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Ada Admin");
        var channels = new AdminChannelsPage(page);
        await channels.OpenAsync();
        return channels;
    }
}
