using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E.PageObjects;

/// <summary>The unified inbox, as an agent uses it.</summary>
public sealed class InboxPage(IPage page)
{
    public IPage Page => page;

    public ILocator Rows => page.GetByTestId("conversation-row");

    public ILocator Row(string contact) => Rows.Filter(new() { Has = page.GetByTestId("contact-name").GetByText(contact, new() { Exact = true }) });

    public ILocator CountdownOf(string contact) => Row(contact).GetByTestId("countdown");

    public ILocator Conversation => page.GetByTestId("conversation-header");

    public ILocator Messages => page.GetByTestId("message");

    public ILocator ViewTab(string name) => page.GetByRole(AriaRole.Tab).Filter(new() { HasText = name });

    public ILocator Search => page.GetByTestId("search");

    /// <summary>A click or key press while the page turns interactive can be lost in the re-render: wait for the live circuit.</summary>
    public Task WaitForLiveAsync() => Assertions.Expect(page.GetByTestId("inbox")).ToHaveAttributeAsync("data-live", "yes");

    public async Task OpenConversationAsync(string contact)
    {
        await WaitForLiveAsync();
        await Row(contact).ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversation-contact")).ToHaveTextAsync(contact);
    }

    public Task FilterByChannelAsync(string channel) => page.GetByTestId("filter-channel").SelectOptionAsync(channel);

    public Task FilterByStatusAsync(string status) => page.GetByTestId("filter-status").SelectOptionAsync(status);

    public async Task SortByLatestAsync()
    {
        await page.GetByTestId("sort").SelectOptionAsync("latest");
        await Expect(page.Locator("[data-testid=conversation-list][data-sort=latest]")).ToBeVisibleAsync();
    }

    public async Task ShowViewAsync(string name)
    {
        await ViewTab(name).ClickAsync();
        await Assertions.Expect(ViewTab(name)).ToHaveAttributeAsync("aria-selected", "true");
    }

    /// <summary>Types into the search box the way a person does; the list follows once typing pauses.</summary>
    public Task SearchAsync(string text) => Search.PressSequentiallyAsync(text);

    /// <summary>Marks the current document, so a later <see cref="IsSameDocumentAsync"/> tells whether the page was reloaded meanwhile.</summary>
    public Task MarkDocumentAsync() => page.EvaluateAsync("() => { window.inboxTestMark = true; }");

    public Task<bool> IsSameDocumentAsync() => page.EvaluateAsync<bool>("() => window.inboxTestMark === true");

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.AppFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
