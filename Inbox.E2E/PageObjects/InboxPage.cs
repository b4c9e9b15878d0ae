using Microsoft.Playwright;

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

    public async Task OpenConversationAsync(string contact)
    {
        // A click while the page turns interactive can be lost in the re-render: wait for the live circuit first.
        await Assertions.Expect(page.GetByTestId("inbox")).ToHaveAttributeAsync("data-live", "yes");
        await Row(contact).ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversation-contact")).ToHaveTextAsync(contact);
    }

    public Task FilterByChannelAsync(string channel) => page.GetByTestId("filter-channel").SelectOptionAsync(channel);

    public Task FilterByStatusAsync(string status) => page.GetByTestId("filter-status").SelectOptionAsync(status);

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.AppFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
