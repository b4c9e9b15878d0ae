using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E.PageObjects;

/// <summary>The admin's business hours at <c>/admin/business-hours</c>.</summary>
public sealed class BusinessHoursPage(IPage page)
{
    public ILocator Status => page.GetByTestId("hours-status");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/admin/business-hours");
        await Expect(page.GetByTestId("save-hours")).ToBeEnabledAsync();
    }

    /// <summary>Empties every weekday of the global default (closed all week) with this away message, and saves.</summary>
    public async Task CloseAllWeekAsync(string awayMessage)
    {
        foreach (var day in await page.GetByTestId("hours-day").AllAsync())
        {
            await day.FillAsync("");
        }

        await page.GetByTestId("hours-away").FillAsync(awayMessage);
        await page.GetByTestId("save-hours").ClickAsync();
        await Expect(page.GetByTestId("hours-notice")).ToContainTextAsync("hours saved");
    }

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.AppFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
