using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

/// <summary>The agent workspace's list and live updates, driven as agents and customers use them.</summary>
[Collection(AppCollection.Name)]
public sealed class LiveInboxTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task Customer_WritesWhileAgentWatches_MessageAppearsInListAndOpenConversationWithoutReload()
    {
        var desk = await fixture.NewPageAsync();
        var inbox = await new LoginPage(desk).SignInAsync("agent2@inbox.demo");
        await inbox.WaitForLiveAsync();
        await inbox.SortByLatestAsync();
        await inbox.MarkDocumentAsync();

        var phone = await fixture.NewPageAsync();
        var simulator = new SimulatorPage(phone);
        await simulator.OpenAsync();
        await simulator.ChooseChannelAsync("Northwind WhatsApp");
        await simulator.WriteAsNewCustomerAsync("Lena Novak", "Hi, do you ship to Norway?");

        await Expect(inbox.Row("Lena Novak")).ToBeVisibleAsync();
        await inbox.OpenConversationAsync("Lena Novak");
        await simulator.WriteAsync("Also, is the green tent in stock?");

        await Expect(inbox.Messages.Last).ToContainTextAsync("green tent");
        await Expect(inbox.Row("Lena Novak").GetByTestId("row-preview")).ToHaveTextAsync("Also, is the green tent in stock?");
        Assert.True(await inbox.IsSameDocumentAsync(), "the page was not reloaded");
        await inbox.ScreenshotAsync("inbox-live-update");
    }

    [Fact]
    public async Task Agent_PicksViewsAndSearches_ListShowsOnlyMatches()
    {
        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");
        await inbox.WaitForLiveAsync();

        await inbox.ShowViewAsync("Mine");
        await Expect(inbox.Row("Jonas Lindqvist")).ToBeVisibleAsync();
        await Expect(inbox.Row("Chloé Martin")).ToHaveCountAsync(0);

        await inbox.ShowViewAsync("Pending");
        await Expect(inbox.Row("Rahul Mehta")).ToBeVisibleAsync();
        var pending = await inbox.ViewTab("Pending").GetByTestId("view-count").TextContentAsync();
        await Expect(inbox.Rows).ToHaveCountAsync(int.Parse(pending!));

        await inbox.ShowViewAsync("Resolved");
        await Expect(inbox.Row("Oliver Smith")).ToBeVisibleAsync();

        await inbox.ShowViewAsync("All open");
        await inbox.SearchAsync("CHARGED twice");
        await Expect(inbox.Rows).ToHaveCountAsync(1);
        await Expect(inbox.Row("Jonas Lindqvist")).ToBeVisibleAsync();
        await inbox.ScreenshotAsync("inbox-search");

        await inbox.Search.FillAsync("no such words anywhere");
        await Expect(page.GetByTestId("list-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Agent_UsesKeyboard_MovesThroughListAndOpensHelp()
    {
        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");
        await inbox.WaitForLiveAsync();
        // The default order follows the windows' deadlines, which move while the shared app runs
        // (a window that closes changes its group); the latest-message order holds still.
        await inbox.SortByLatestAsync();
        var first = await inbox.Rows.First.GetByTestId("contact-name").TextContentAsync();

        await page.Keyboard.PressAsync("j");
        await Expect(inbox.Rows.First).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.GetByTestId("conversation-contact")).ToHaveTextAsync(first!);
        await page.Keyboard.PressAsync("j");
        await Expect(page.GetByTestId("conversation-contact")).Not.ToHaveTextAsync(first!);
        await page.Keyboard.PressAsync("k");
        await Expect(page.GetByTestId("conversation-contact")).ToHaveTextAsync(first!);

        await page.Keyboard.PressAsync("/");
        await Expect(inbox.Search).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("?");
        await Expect(inbox.Search).ToHaveValueAsync("?");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("?");
        await Expect(page.GetByTestId("shortcut-help")).ToBeVisibleAsync();
        await inbox.ScreenshotAsync("inbox-shortcut-help");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("shortcut-help")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("laptop", 1280, 800)]
    [InlineData("tablet", 820, 1180)]
    public async Task Agent_OnSmallerScreen_SeesListAndConversationSideBySideOrStacked(string device, int width, int height)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");

        await inbox.OpenConversationAsync("Jonas Lindqvist");

        await Expect(inbox.Rows.First).ToBeInViewportAsync();
        await Expect(inbox.Conversation).ToBeInViewportAsync();
        await Expect(inbox.ViewTab("Resolved")).ToBeInViewportAsync();
        await inbox.ScreenshotAsync($"inbox-{device}");
    }
}
