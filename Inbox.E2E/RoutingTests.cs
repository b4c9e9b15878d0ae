using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

[Collection(RoutingCollection.Name)]
public sealed class RoutingTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task RoundRobin_TwoAgentsOnline_EachGetsOneNewConversation()
    {
        var admin = await fixture.NewPageAsync();
        await new LoginPage(admin).SignInAsync("admin@inbox.demo");
        var teams = new AdminTeamsPage(admin);
        await teams.OpenAsync();
        await teams.ConfigureAsync("Customer Care", "RoundRobin", "Alice Agent", "Bruno Agent");

        var alice = await SignedInAsync("agent@inbox.demo");
        var bruno = await SignedInAsync("agent2@inbox.demo");

        // Both agents' circuits are up: the teams page shows them online before any customer writes.
        await teams.OpenAsync();
        await Expect(teams.Member("Customer Care", "Alice Agent")).ToContainTextAsync("Online");
        await Expect(teams.Member("Customer Care", "Bruno Agent")).ToContainTextAsync("Online");
        await teams.ScreenshotAsync("routing-teams");

        var phone = await fixture.NewPageAsync();
        var simulator = new SimulatorPage(phone);
        await simulator.OpenAsync();
        await simulator.ChooseChannelAsync("Northwind WhatsApp");
        await simulator.WriteAsNewCustomerAsync("Rita Round", "Hi, is my parcel on its way?");
        await simulator.WriteAsNewCustomerAsync("Robin Second", "Do you sell gift cards?");

        var owners = new List<string>();
        foreach (var customer in new[] { "Rita Round", "Robin Second" })
        {
            var inbox = new InboxPage(alice);
            await alice.GotoAsync("/");
            await inbox.OpenConversationAsync(customer);
            var header = new ConversationHeaderPart(alice);
            await Expect(header.Assignee).Not.ToHaveTextAsync("Unassigned");
            owners.Add(await header.Assignee.InnerTextAsync());
            await inbox.ScreenshotAsync($"routing-assigned-{owners.Count}");
        }

        Assert.Equal(["Alice Agent", "Bruno Agent"], owners.Order());
        await Expect(bruno.GetByTestId("presence-menu")).ToHaveValueAsync("online");
    }

    [Fact]
    public async Task AssignControl_AgentAssignsToAnother_ShowsAndLogsIt()
    {
        var alice = await SignedInAsync("agent@inbox.demo");
        var inbox = new InboxPage(alice);
        await inbox.OpenConversationAsync("Priya Natarajan");
        var header = new ConversationHeaderPart(alice);

        await header.AssignToAgentAsync("Bruno Agent");

        await header.OpenAssignMenuAsync();
        await Expect(header.AgentChoices.Filter(new() { HasText = "Alice Agent" }).GetByTestId("presence-dot")).ToHaveAttributeAsync("data-presence", "Online");
        await Expect(header.History).ToContainTextAsync("Assigned to Bruno Agent · Alice Agent");
        await inbox.ScreenshotAsync("routing-assign-menu");
    }

    [Fact]
    public async Task ContactPanel_MergeAcrossChannels_ListsBothConversations()
    {
        var alice = await SignedInAsync("agent@inbox.demo");
        var inbox = new InboxPage(alice);
        await inbox.OpenConversationAsync("Sofia Rossi");
        var header = new ConversationHeaderPart(alice);
        await header.OpenContactPanelAsync();
        await Expect(header.Identities).ToHaveCountAsync(1);

        await header.MergeWithAsync("Tom", "Tom Becker");

        await Expect(header.Identities).ToHaveCountAsync(2);
        await Expect(header.CustomerConversations).ToHaveCountAsync(2);
        await inbox.ScreenshotAsync("routing-contact-panel");
        await header.CustomerConversations.Filter(new() { HasText = "Northwind Outfitters" }).ClickAsync();
        await Expect(alice.GetByTestId("conversation-contact")).ToHaveTextAsync("Tom Becker");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SignInAsync(email);
        await Expect(page.GetByTestId("inbox")).ToHaveAttributeAsync("data-live", "yes");
        return page;
    }
}
