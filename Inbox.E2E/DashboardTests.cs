using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

[Collection(AppCollection.Name)]
public sealed class DashboardTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task Supervisor_OpensDashboard_SeesNowStripBadgeChartsAndAgents()
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SignInAsync("supervisor@inbox.demo");
        var dashboard = new DashboardPage(page);

        await dashboard.OpenAsync();

        await Expect(dashboard.Dashboard).ToBeVisibleAsync();
        await Expect(dashboard.NowStrip).ToContainTextAsync("open conversations");
        await Expect(dashboard.BadgeVerdicts).ToHaveCountAsync(2);
        await Expect(dashboard.BadgeVerdicts.First).ToContainTextAsync("Badge:");
        await Expect(dashboard.ChartIn("response-times-panel")).ToBeVisibleAsync();
        await Expect(dashboard.ChartIn("backlog-panel")).ToBeVisibleAsync();
        await Expect(dashboard.ChartIn("csat-panel")).ToBeVisibleAsync();
        await Expect(dashboard.Heatmap).ToBeVisibleAsync();
        await Expect(dashboard.AgentRow("Alice Agent")).ToBeVisibleAsync();
        Assert.True(await dashboard.CsvLinks.CountAsync() >= 8, "every table links its CSV");
        await dashboard.ScreenshotAsync("dashboard-supervisor");
    }

    [Fact]
    public async Task Agent_OpensDashboard_IsRefused()
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SignInAsync("agent@inbox.demo");
        var dashboard = new DashboardPage(page);

        await dashboard.OpenAsync();

        await Expect(dashboard.AccessDenied).ToBeVisibleAsync();
        await Expect(dashboard.Dashboard).ToHaveCountAsync(0);
    }
}
