using Microsoft.Playwright;

namespace Inbox.E2E.PageObjects;

/// <summary>The supervisor dashboard at <c>/supervisor</c>.</summary>
public sealed class DashboardPage(IPage page)
{
    public ILocator Dashboard => page.GetByTestId("dashboard");

    public ILocator NowStrip => page.GetByTestId("now-strip");

    public ILocator BadgeVerdicts => page.GetByTestId("badge-verdict");

    /// <summary>The SVG a MudBlazor chart draws, inside the panel with this test id (not the panel's icons, which are SVGs too).</summary>
    public ILocator ChartIn(string panelTestId) => page.GetByTestId(panelTestId).Locator(".mud-chart svg").First;

    public ILocator Heatmap => page.GetByTestId("heatmap");

    public ILocator AgentRow(string name) => page.GetByTestId("agent-table").GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public ILocator CsvLinks => page.GetByTestId("csv-link");

    public ILocator AccessDenied => page.GetByTestId("access-denied");

    public async Task OpenAsync() => await page.GotoAsync("/supervisor");

    /// <summary>The app scrolls inside its main area, so the window is made tall enough for the whole dashboard first.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await page.SetViewportSizeAsync(1440, 2900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.AppFixture.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
