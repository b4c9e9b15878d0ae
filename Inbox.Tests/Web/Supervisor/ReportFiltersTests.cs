using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Routing;
using Inbox.Web.Components.Pages.Supervisor;
using MudBlazor;

namespace Inbox.Tests.Web.Supervisor;

/// <summary>The dashboard's filters: a choice waits in the form and goes to the dashboard on Apply.</summary>
public sealed class ReportFiltersTests
{
    private static readonly DashboardFilter November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static readonly Channel[] Channels =
    [
        new() { Id = 1, Key = "nw-facebook", Name = "Northwind on Messenger", ExternalId = "104", Kind = ChannelKind.Messenger },
        new() { Id = 2, Key = "nw-whatsapp", Name = "Northwind on WhatsApp", ExternalId = "109", Kind = ChannelKind.WhatsApp },
    ];

    private static readonly TeamSummary[] Teams = [new(1, "Customer Care", AutoAssignMode.Off, true), new(2, "Billing", AutoAssignMode.RoundRobin, false)];

    [Fact]
    public async Task Apply_ChannelAndTeamChosen_HandsThemToTheDashboard()
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.RenderPopovers();
        var applied = new List<DashboardFilter>();
        var cut = ctx.Render<ReportFilters>(p => p
            .Add(c => c.Value, November).Add(c => c.Channels, Channels).Add(c => c.Teams, Teams)
            .Add(c => c.OnApply, f => applied.Add(f)));

        Choose(cut.FindComponent<MudSelect<string>>(), popovers, "Northwind on WhatsApp");
        Choose(cut.FindComponents<MudSelect<int?>>()[0], popovers, "Billing");
        Assert.Empty(applied);
        await cut.Find("form").SubmitAsync();

        Assert.Equal([November with { ChannelKey = "nw-whatsapp", TeamId = 2 }], applied);
    }

    [Fact]
    public async Task Apply_NothingChanged_AppliesTheRangeOnScreen()
    {
        await using var ctx = MudTestContext.Create();
        var applied = new List<DashboardFilter>();
        var cut = ctx.Render<ReportFilters>(p => p.Add(c => c.Value, November).Add(c => c.Zone, "Europe/Paris").Add(c => c.OnApply, f => applied.Add(f)));

        await cut.Find("form").SubmitAsync();

        Assert.Equal([November], applied);
        Assert.Contains("Times in Europe/Paris.", cut.Markup);
    }

    [Fact]
    public async Task Render_TheDashboardRefreshes_AChoiceNotYetAppliedStays()
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.RenderPopovers();
        var applied = new List<DashboardFilter>();
        var cut = ctx.Render<ReportFilters>(p => p.Add(c => c.Value, November).Add(c => c.Teams, Teams).Add(c => c.OnApply, f => applied.Add(f)));
        Choose(cut.FindComponents<MudSelect<int?>>()[0], popovers, "Billing");

        // The live now strip re-renders the page with the same filter object.
        cut.Render(p => p.Add(c => c.Value, November));
        await cut.Find("form").SubmitAsync();

        Assert.Equal(2, applied.Single().TeamId);
    }

    private static void Choose<T>(IRenderedComponent<MudSelect<T>> select, IRenderedComponent<MudPopoverProvider> popovers, string text)
    {
        select.Find("div.mud-input-control").MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll("div.mud-list-item"), i => i.TextContent.Contains(text)));
        popovers.FindAll("div.mud-list-item").First(i => i.TextContent.Contains(text)).Click();
    }
}
