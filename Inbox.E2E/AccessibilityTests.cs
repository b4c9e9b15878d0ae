using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

/// <summary>
/// The screens agents, supervisors and admins work in, checked with axe-core against WCAG 2.1 A and AA: no serious
/// or critical violation, in the light theme, with menus and the template picker open where they would be used.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccessibilityTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task Agent_SignsInAndWorksAConversation_EveryScreenPassesAxe()
    {
        var page = await fixture.NewPageAsync();
        var found = new List<string>();

        await page.GotoAsync("/login");
        await Check(page, "sign-in", found);

        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");
        await inbox.WaitForLiveAsync();
        await inbox.OpenConversationAsync("Jonas Lindqvist");
        await Check(page, "inbox with a conversation open", found);

        await inbox.OpenConversationAsync("Emma Johansson");
        await Expect(page.GetByTestId("window-announcement")).ToHaveTextAsync("Templates only: Template suggested");
        await Expect(page.GetByTestId("window-announcement")).ToHaveAttributeAsync("role", "status");
        await Expect(page.GetByTestId("template-picker")).ToBeVisibleAsync();
        await new ComposerPage(page).ChooseTemplateAsync("order_update", "en_US", "utility");
        await Expect(page.GetByTestId("template-preview")).ToBeVisibleAsync();
        await Check(page, "composer with a template chosen", found);

        await page.Keyboard.PressAsync("?");
        await Expect(page.GetByTestId("shortcut-help")).ToBeVisibleAsync();
        await Check(page, "shortcut help", found);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task SupervisorAndAdmin_OpenTheirPages_EveryScreenPassesAxe()
    {
        var supervisor = await fixture.NewPageAsync();
        var found = new List<string>();
        await new LoginPage(supervisor).SignInAsync("supervisor@inbox.demo");
        await supervisor.GotoAsync("/supervisor");
        await Expect(supervisor.GetByTestId("dashboard")).ToBeVisibleAsync();
        await Check(supervisor, "supervisor dashboard", found);

        var admin = await fixture.NewPageAsync();
        await new LoginPage(admin).SignInAsync("admin@inbox.demo");
        foreach (var path in new[] { "/admin/channels", "/admin/templates", "/admin/teams", "/admin/business-hours", "/admin/canned-responses", "/admin/deliveries", "/admin/jobs", "/supervisor/audit" })
        {
            await admin.GotoAsync(path);
            await Expect(admin.Locator("h1")).ToBeVisibleAsync();
            await Check(admin, path, found);
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static async Task Check(IPage page, string screen, List<string> found)
    {
        found.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"[{screen}] {v}"));
    }
}
