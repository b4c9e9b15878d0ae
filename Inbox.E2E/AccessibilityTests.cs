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
        await InteractiveAsync(supervisor);
        await Check(supervisor, "supervisor dashboard", found);

        var admin = await fixture.NewPageAsync();
        await new LoginPage(admin).SignInAsync("admin@inbox.demo");
        foreach (var path in new[] { "/admin/channels", "/admin/templates", "/admin/teams", "/admin/business-hours", "/admin/canned-responses", "/admin/deliveries", "/admin/jobs", "/supervisor/audit" })
        {
            await admin.GotoAsync(path);
            await Expect(admin.Locator("h1")).ToBeVisibleAsync();
            await InteractiveAsync(admin);
            await Check(admin, path, found);
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task Admin_WorksTheInboxByKeyboardInTheDarkTheme_FocusGoesInAndComesBackAndAxePasses()
    {
        var page = await fixture.NewPageAsync();
        var found = new List<string>();
        var inbox = await new LoginPage(page).SignInAsync("admin@inbox.demo");
        await inbox.WaitForLiveAsync();
        await Keys(page, page.GetByTestId("theme-toggle"), "Enter");
        await Expect(page.Locator(".app-shell.theme-dark")).ToBeVisibleAsync();

        // Shortcut keys: "/" reaches the search, Tab goes on to the filters, Escape leaves the field, "j" opens the top conversation.
        await page.Keyboard.PressAsync("/");
        await Expect(inbox.Search).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("filter-channel")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("j");
        await Expect(inbox.Conversation).ToBeVisibleAsync();

        // The shortcut help is a modal dialog: focus moves in and stays in; Escape closes it and focus returns.
        await Keys(page, page.GetByTestId("shortcuts-button"), "?");
        await Expect(page.Locator("[data-testid=shortcut-help] :focus")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("[data-testid=shortcut-help] :focus")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("shortcut-help")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("shortcuts-button")).ToBeFocusedAsync();

        // The assign menu: Enter opens it on its first choice, the arrows move, Escape closes it back onto the button.
        var menuItems = page.GetByTestId("assign-menu").GetByRole(AriaRole.Menuitem);
        await Expect(page.GetByTestId("assign-button")).ToBeEnabledAsync();
        await Keys(page, page.GetByTestId("assign-button"), "Enter");
        await Expect(menuItems.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(menuItems.Nth(1)).ToBeFocusedAsync();
        await Check(page, "dark theme, conversation with the assign menu open", found);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("assign-menu")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("assign-button")).ToBeFocusedAsync();

        // The erase confirmation traps focus; keeping the contact closes it and focus returns to the button that asked.
        await Keys(page, page.GetByTestId("contact-panel-toggle"), "Enter");
        await Keys(page, page.GetByTestId("erase-contact"), "Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator(":focus")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByTestId("erase-contact")).ToBeFocusedAsync();

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static async Task Keys(IPage page, ILocator target, string key)
    {
        await target.FocusAsync();
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>
    /// Waits until the page's circuit has rendered it (the header's theme toggle is enabled only then) and its title is
    /// set: while the circuit takes over the prerendered page, the head is rendered again and the title is briefly absent,
    /// which axe once caught as a missing title.
    /// </summary>
    private static async Task InteractiveAsync(IPage page)
    {
        await Expect(page.GetByTestId("theme-toggle")).ToBeEnabledAsync();
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
    }

    private static async Task Check(IPage page, string screen, List<string> found)
    {
        found.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"[{screen}] {v}"));
    }
}
