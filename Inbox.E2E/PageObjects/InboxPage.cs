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
        await (await RevealRowAsync(contact)).ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversation-contact")).ToHaveTextAsync(contact);
    }

    /// <summary>
    /// Scrolls the list, as an agent would, until <paramref name="contact"/>'s row is rendered: the list renders only
    /// the rows in view and a few around them, and the rows for a new position come from the server.
    /// </summary>
    public async Task<ILocator> RevealRowAsync(string contact)
    {
        await WaitForLiveAsync();
        await Assertions.Expect(Rows.First).ToBeVisibleAsync();
        var list = page.GetByTestId("conversation-list");
        var row = Row(contact);
        for (var screen = 0; screen < 40 && await row.CountAsync() == 0; screen++)
        {
            var last = await Rows.Last.GetAttributeAsync("data-conversation-id");
            var moved = await list.EvaluateAsync<bool>("l => { const top = l.scrollTop; l.scrollTop = top + l.clientHeight; return l.scrollTop > top; }");
            for (var poll = 0; moved && poll < 50 && await row.CountAsync() == 0 && await Rows.Last.GetAttributeAsync("data-conversation-id") == last; poll++)
            {
                await page.WaitForTimeoutAsync(100);
            }

            if (!moved)
            {
                break;
            }
        }

        await row.ScrollIntoViewIfNeededAsync();
        return row;
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
