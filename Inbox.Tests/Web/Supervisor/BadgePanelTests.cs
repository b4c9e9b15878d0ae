using Bunit;
using Inbox.Core.Reporting;
using Inbox.Web.Components.Pages.Supervisor;

namespace Inbox.Tests.Web.Supervisor;

/// <summary>The "Very responsive" badge panel: the verdict Core's rule gives, each reading graded, the offenders linked.</summary>
public sealed class BadgePanelTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Render_FastRepliesWithMargin_SaysYesAndEveryReadingMeets()
    {
        await using var ctx = MudTestContext.Create();
        var estimate = AnEstimate(ASpan(7, rate: 1.0, mean: 3, median: 2), ASpan(30, rate: 0.98, mean: 5, median: 4));

        var cut = ctx.Render<BadgePanel>(p => p.Add(c => c.Estimates, [estimate]));

        Assert.Equal("Badge: yes", cut.Find("[data-testid=badge-verdict]").TextContent.Trim());
        Assert.Equal(6, cut.FindAll("td.meets").Count);
        Assert.Empty(cut.FindAll("td.misses"));
        Assert.Empty(cut.FindAll("[data-testid=badge-offenders]"));
    }

    [Fact]
    public async Task Render_MonthJustUnderTheRate_SaysAtRiskAndMarksTheMissedRateWithACross()
    {
        await using var ctx = MudTestContext.Create();
        var estimate = AnEstimate(ASpan(7, rate: 1.0, mean: 3, median: 2), ASpan(30, rate: 0.85, mean: 5, median: 4));

        var cut = ctx.Render<BadgePanel>(p => p.Add(c => c.Estimates, [estimate]));

        Assert.Equal("Badge: at risk", cut.Find("[data-testid=badge-verdict]").TextContent.Trim());
        var month = cut.FindAll("tbody tr")[1];
        // Not by colour alone: the missed figure carries a cross, and says so to screen readers.
        Assert.Equal("85 % ✗misses the threshold", month.QuerySelector("td.misses")!.TextContent);
    }

    [Fact]
    public async Task Render_SlowAndUnanswered_SaysNoAndLinksTheOffenders()
    {
        await using var ctx = MudTestContext.Create();
        var estimate = AnEstimate(
            ASpan(7, rate: 0.5, mean: 40, median: 35), ASpan(30, rate: 0.6, mean: 30, median: 20),
            new BadgeOffender(7, Monday, null, "Mia Park"), new BadgeOffender(9, Monday.AddHours(1), 5400));

        var cut = ctx.Render<BadgePanel>(p => p.Add(c => c.Estimates, [estimate]));

        Assert.Equal("Badge: no", cut.Find("[data-testid=badge-verdict]").TextContent.Trim());
        var offenders = cut.FindAll("[data-testid=badge-offenders] li");
        Assert.Equal(2, offenders.Count);
        Assert.Equal("/conversations/7", offenders[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Mia Park", offenders[0].TextContent);
        Assert.Contains("no reply", offenders[0].TextContent);
        Assert.Contains("Conversation 9", offenders[1].TextContent);
        Assert.Contains("answered after 1 h 30 min", offenders[1].TextContent);
    }

    [Fact]
    public async Task Render_NoMessengerChannel_SaysSoAndShowsNoVerdict()
    {
        await using var ctx = MudTestContext.Create();

        var cut = ctx.Render<BadgePanel>(p => p.Add(c => c.Estimates, []).Add(c => c.CsvHref, "/api/reports/badge?format=csv"));

        Assert.Contains("No Messenger channel.", cut.Find("[data-testid=badge-none]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=badge-verdict]"));
        Assert.Equal("/api/reports/badge?format=csv", cut.Find("[data-testid=csv-link]").GetAttribute("href"));
    }

    private static BadgeSpan ASpan(int days, double rate, double mean, double median) =>
        new(days, false, Monday.AddDays(-days), Monday, 20, (int)(20 * rate), rate, mean, median);

    // The verdict is Core's rule over the spans, as the report computes it: the panel only shows it.
    private static BadgeEstimate AnEstimate(BadgeSpan week, BadgeSpan month, params BadgeOffender[] offenders) =>
        new(1, "Northwind on Messenger", week, month, 0, BadgeRules.Verdict(week, month), offenders);
}
