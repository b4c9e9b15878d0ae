using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E.PageObjects;

/// <summary>The admin's team editor at <c>/admin/teams</c>.</summary>
public sealed class AdminTeamsPage(IPage page)
{
    /// <summary>How the mode list names each auto-assignment mode.</summary>
    private static readonly Dictionary<string, string> ModeTexts = new()
    {
        ["Off"] = "Off: conversations wait to be taken",
        ["RoundRobin"] = "Round robin among online agents",
        ["LeastOpen"] = "Least open conversations, up to capacity",
    };

    public ILocator Team(string name) => page.Locator($"[data-testid='team-editor'][data-team='{name}']");

    public ILocator Member(string team, string agent) => Team(team).Locator($"[data-testid='team-member'][data-agent='{agent}']");

    public ILocator Notice => page.GetByTestId("teams-notice");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/admin/teams");

        // Enabled once the circuit is live; a change before that would be lost.
        await Expect(page.GetByTestId("add-team")).ToBeEnabledAsync();
    }

    /// <summary>Sets the mode and exactly these members, then saves.</summary>
    public async Task ConfigureAsync(string team, string mode, params string[] members)
    {
        await Team(team).GetByTestId("team-mode").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = ModeTexts[mode], Exact = true }).ClickAsync();
        await Expect(Team(team).GetByTestId("team-mode")).ToHaveValueAsync(ModeTexts[mode]);
        foreach (var row in await Team(team).GetByTestId("team-member").AllAsync())
        {
            var agent = await row.GetAttributeAsync("data-agent");
            await row.GetByTestId("member-check").SetCheckedAsync(members.Contains(agent));
        }

        await Team(team).GetByTestId("save-team").ClickAsync();
        await Expect(Notice).ToContainTextAsync($"Team {team} saved.");
    }

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.AppFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
