using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E.PageObjects;

/// <summary>The customer simulator: the customer's phone on a simulated channel.</summary>
public sealed class SimulatorPage(IPage page)
{
    public ILocator Messages => page.GetByTestId("sim-message");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/simulator");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer simulator" })).ToBeVisibleAsync();

        // The controls are enabled once the circuit is live; before that a choice would be lost.
        await Expect(page.GetByTestId("sim-channel")).ToBeEnabledAsync();
    }

    public async Task ChooseChannelAsync(string channelName)
    {
        var option = page.GetByTestId("sim-channel").Locator("option").Filter(new() { HasText = channelName });
        await page.GetByTestId("sim-channel").SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
    }

    /// <summary>Starts a new customer and sends their first message.</summary>
    public async Task WriteAsNewCustomerAsync(string name, string text)
    {
        await page.GetByTestId("sim-customer").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await page.GetByTestId("sim-name").FillAsync(name);
        await WriteAsync(text);
    }

    /// <summary>Sends a message as the customer chosen now (after <see cref="WriteAsNewCustomerAsync"/>: that customer).</summary>
    public async Task WriteAsync(string text)
    {
        await page.GetByTestId("sim-text").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        // Bidi control characters are shown as visible markers, so match on the text before the first one.
        var shown = text.Split(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])[0];
        await Expect(Messages.Filter(new() { HasText = shown })).ToBeVisibleAsync();
    }

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.AppFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
