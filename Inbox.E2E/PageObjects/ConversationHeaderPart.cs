using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E.PageObjects;

/// <summary>The routing controls in an open conversation's header: the assignment menu and the contact panel.</summary>
public sealed class ConversationHeaderPart(IPage page)
{
    public ILocator Assignee => page.GetByTestId("assign-control").GetByTestId("assignee-name");

    public ILocator History => page.GetByTestId("assign-history");

    public ILocator AgentChoices => page.GetByTestId("assign-agent");

    public ILocator ContactPanel => page.GetByTestId("contact-panel");

    public ILocator Identities => ContactPanel.GetByTestId("contact-identity");

    public ILocator CustomerConversations => ContactPanel.GetByTestId("contact-conversation");

    public async Task OpenAssignMenuAsync()
    {
        await Expect(page.GetByTestId("assign-button")).ToBeEnabledAsync();
        await page.GetByTestId("assign-button").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menu, new() { Name = "Assign" })).ToBeVisibleAsync();
    }

    public async Task AssignToAgentAsync(string agent)
    {
        await OpenAssignMenuAsync();
        await AgentChoices.Filter(new() { HasText = agent }).ClickAsync();
        await Expect(Assignee).ToHaveTextAsync(agent);
    }

    public async Task OpenContactPanelAsync()
    {
        await Expect(page.GetByTestId("contact-panel-toggle")).ToBeEnabledAsync();
        await page.GetByTestId("contact-panel-toggle").ClickAsync();
        await Expect(ContactPanel).ToBeVisibleAsync();
    }

    /// <summary>Searches the merge box for <paramref name="search"/> and merges the contact called <paramref name="contact"/>.</summary>
    public async Task MergeWithAsync(string search, string contact)
    {
        await ContactPanel.GetByTestId("merge-search").FillAsync(search);
        await ContactPanel.GetByTestId("merge-candidate").Filter(new() { HasText = contact }).GetByTestId("merge-contact").ClickAsync();
        await Expect(ContactPanel.GetByTestId("contact-notice")).ToContainTextAsync("is now the same person");
    }
}
