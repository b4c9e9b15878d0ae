using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E.PageObjects;

/// <summary>The admin's channel editor at <c>/admin/channels</c>.</summary>
public sealed class AdminChannelsPage(IPage page)
{
    /// <summary>The platform id's label follows the platform chosen.</summary>
    private static readonly Dictionary<string, string> ExternalIdLabels = new()
    {
        ["Messenger"] = "Page id",
        ["Instagram"] = "Instagram account id",
        ["WhatsApp"] = "WhatsApp phone_number_id",
        ["LINE"] = "LINE bot user id",
    };

    public IPage Page => page;

    public ILocator Table => page.GetByTestId("channels-table");

    public ILocator Form => page.GetByTestId("channel-form");

    /// <summary>The editor's refusal, wherever it is shown (next to a field or above the form).</summary>
    public ILocator FormError => Form.GetByTestId("channel-form-error");

    public ILocator Notice => page.GetByTestId("channels-notice");

    public ILocator Row(string key) => page.Locator($"[data-testid='channel-row'][data-key='{key}']");

    public ILocator WebhookUrlOf(string key) => Row(key).GetByTestId("webhook-url");

    public ILocator AlertsOf(string key) => page.Locator($"[data-testid='channel-alerts'][data-key='{key}']");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/admin/channels");
        await Expect(Table).ToBeVisibleAsync();

        // The buttons are enabled once the circuit is live; before that a click would be lost.
        await Expect(page.GetByTestId("add-channel")).ToBeEnabledAsync();
    }

    /// <summary>Fills the add form and submits it; leaves the page as the service answered (listed, or the form with its refusal).</summary>
    public async Task AddChannelAsync(string kind, string key, string name, string externalId, string accessToken, string? channelSecret = null)
    {
        await page.GetByTestId("add-channel").ClickAsync();
        await ChooseKindAsync(kind);
        await Field("Key").FillAsync(key);
        await Field("Name").FillAsync(name);
        await Field(ExternalIdLabels[kind]).FillAsync(externalId);
        await Field("Access token").FillAsync(accessToken);
        if (channelSecret is not null)
        {
            await Field("Channel secret").FillAsync(channelSecret);
        }

        await Form.GetByRole(AriaRole.Button, new() { Name = "Add channel" }).ClickAsync();
    }

    /// <summary>Opens a channel's form and enters a new access token.</summary>
    public async Task ReplaceTokenAsync(string key, string accessToken)
    {
        await Row(key).GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Expect(Field("Access token")).ToHaveAttributeAsync("placeholder", "unchanged");
        await Field("Access token").FillAsync(accessToken);
        await Form.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
    }

    /// <summary>Clicks Delete on a channel's row and confirms in the dialog.</summary>
    public async Task DeleteAsync(string key)
    {
        await Row(key).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(key);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
    }

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.AppFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    private ILocator Field(string label) => Form.GetByLabel(label, new() { Exact = true });

    private async Task ChooseKindAsync(string kind)
    {
        await Form.GetByTestId("channel-kind").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = kind, Exact = true }).ClickAsync();
        await Expect(Form.GetByTestId("channel-kind")).ToHaveValueAsync(kind);
    }
}
