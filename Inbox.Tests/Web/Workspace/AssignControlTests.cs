using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Inbox.Tests.Web.Workspace;

/// <summary>
/// The conversation header's assignment menu on Core's routing services. The menu floats in a MudPopover, so it is
/// found in the popover provider's markup, as in the app's layout.
/// </summary>
public sealed class AssignControlTests : CoreTestBase
{
    private int conversationId;
    private Agent alice = default!;
    private Agent bruno = default!;
    private Agent carla = default!;
    private Team billing = default!;

    private AgentPresence Presence => Harness.Get<AgentPresence>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddInboxRouting();

    [Fact]
    public async Task Open_ListsEveryAgentWithPresenceAndOpenConversations()
    {
        await GivenAsync();
        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization().SetAuthorized("Ada Admin"));
        var (popovers, control) = Render(ctx);
        Assert.Equal("Bruno Agent", control.Find("[data-testid=assignee-name]").TextContent);
        Assert.Empty(popovers.FindAll("[role=menu]"));

        control.Find("[data-testid=assign-button]").Click();

        var agents = popovers.WaitForElements("[data-testid=assign-agent]", 3).Select(a => (
            Name: a.QuerySelector(".menu-label")!.TextContent,
            Presence: a.QuerySelector("[data-testid=presence-dot]")!.GetAttribute("data-presence"),
            Open: a.QuerySelector("small")!.TextContent));
        Assert.Equal([("Alice Agent", "Online", "0 open"), ("Bruno Agent", "Away", "2 open"), ("Carla Agent", "Offline", "0 open")], agents);
        Assert.Contains("current", popovers.FindAll("[data-testid=assign-agent]")[1].ClassName);
        Assert.Equal("true", control.Find("[data-testid=assign-button]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task Open_AnAgentComesOnline_TheirDotTurnsOnlineWhileTheMenuIsOpen()
    {
        await GivenAsync();
        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization().SetAuthorized("Ada Admin"));
        var (popovers, control) = Render(ctx);
        control.Find("[data-testid=assign-button]").Click();
        popovers.WaitForElements("[data-testid=assign-agent]", 3);

        await Presence.ConnectedAsync("user-carla", "circuit-9");

        popovers.WaitForAssertion(() => Assert.Equal("Online", popovers.FindAll("[data-testid=presence-dot]")[2].GetAttribute("data-presence")));
    }

    [Fact]
    public async Task ChooseAgent_AssignsTheConversationAndClosesTheMenu()
    {
        await GivenAsync();
        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization().SetAuthorized("Ada Admin"));
        var (popovers, control) = Render(ctx);
        control.Find("[data-testid=assign-button]").Click();

        popovers.WaitForElements("[data-testid=assign-agent]", 3)[0].Click();

        control.WaitForAssertion(() => Assert.Equal("Alice Agent", control.Find("[data-testid=assignee-name]").TextContent));
        Assert.Empty(popovers.FindAll("[role=menu]"));
        Assert.Equal(alice.Id, await AssigneeAsync());
    }

    [Fact]
    public async Task Unassign_LeavesTheConversationWithoutAnAgent()
    {
        await GivenAsync();
        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization().SetAuthorized("Ada Admin"));
        var (popovers, control) = Render(ctx);
        control.Find("[data-testid=assign-button]").Click();

        popovers.WaitForElement("[data-testid=unassign]").Click();

        control.WaitForAssertion(() => Assert.Equal("Unassigned", control.Find("[data-testid=assignee-name]").TextContent));
        Assert.Null(await AssigneeAsync());
        control.Find("[data-testid=assign-button]").Click();
        Assert.DoesNotContain(popovers.WaitForElements("[data-testid=assign-agent]", 3), a => a.ClassList.Contains("current"));
        Assert.Empty(popovers.FindAll("[data-testid=unassign]"));
        Assert.Contains("Ada Admin", popovers.Find("[data-testid=assign-history]").TextContent);
    }

    [Fact]
    public async Task ChooseTeam_ShowsTheTeamBesideTheAgent()
    {
        await GivenAsync();
        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization().SetAuthorized("Ada Admin"));
        var (popovers, control) = Render(ctx);
        control.Find("[data-testid=assign-button]").Click();

        popovers.WaitForElements("[data-testid=assign-team]", 1).Single(t => t.TextContent.Contains("Billing", StringComparison.Ordinal)).Click();

        control.WaitForAssertion(() => Assert.Equal("· Billing", control.Find("[data-testid=assigned-team]").TextContent));
        await using var db = Harness.Open();
        Assert.Equal(billing.Id, (await db.Conversations.SingleAsync(c => c.Id == conversationId)).TeamId);
    }

    /// <summary>Alice online, Bruno away with two open conversations (one of them this one), Carla never signed in.</summary>
    private async Task GivenAsync()
    {
        await using (var db = Harness.Open())
        {
            alice = new Agent { Name = "Alice Agent", Email = "alice@acme.test", UserId = "user-alice" };
            bruno = new Agent { Name = "Bruno Agent", Email = "bruno@acme.test", UserId = "user-bruno" };
            carla = new Agent { Name = "Carla Agent", Email = "carla@acme.test", UserId = "user-carla" };
            billing = new Team { Name = "Billing" };
            db.AddRange(alice, bruno, carla, billing);
            await db.SaveChangesAsync();
        }

        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        conversationId = (await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1), assigneeId: bruno.Id)).Id;
        await Harness.AddConversationAsync(channel, TimeSpan.FromHours(2), assigneeId: bruno.Id);
        await Presence.ConnectedAsync("user-alice", "circuit-1");
        await Presence.ConnectedAsync("user-bruno", "circuit-2");
        await Presence.SetAwayAsync(bruno.Id, true);
    }

    /// <summary>The popover provider (the layout's, where the menu appears) and the control, for a signed-in admin.</summary>
    private (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<AssignControl> Control) Render(BunitContext ctx)
    {
        var popovers = ctx.Render<MudPopoverProvider>();
        var control = ctx.Render<AssignControl>(p => p.Add(c => c.ConversationId, conversationId));
        return (popovers, control);
    }

    private async Task<int?> AssigneeAsync()
    {
        await using var db = Harness.Open();
        return (await db.Conversations.SingleAsync(c => c.Id == conversationId)).AssigneeId;
    }
}
