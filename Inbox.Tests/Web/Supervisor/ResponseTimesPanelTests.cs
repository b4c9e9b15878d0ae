using Bunit;
using Inbox.Core.Reporting;
using Inbox.Web.Components.Pages.Supervisor;

namespace Inbox.Tests.Web.Supervisor;

/// <summary>The response-times panel: the chart of both distributions and the figures under it.</summary>
public sealed class ResponseTimesPanelTests
{
    private static readonly TimeDistribution First = new([new("< 5 min", 12), new("5–15 min", 4), new("> 1 h", 1)], 17, 2, 3.5, 42);
    private static readonly TimeDistribution Next = new([new("< 5 min", 30), new("5–15 min", 6), new("> 1 h", 0)], 36, 0, 1.2, 75);

    [Fact]
    public async Task Render_WallClockOnly_ShowsBothRowsAndSaysBusinessHoursAreMissing()
    {
        await using var ctx = MudTestContext.Create();

        var cut = ctx.Render<ResponseTimesPanel>(p => p.Add(c => c.Times, new ResponseTimes(First, Next, null, null)).Add(c => c.BusinessHours, false));

        Assert.Equal(["17", "2", "3.5 min", "42 min"], Figures(cut, "response-first"));
        Assert.Equal(["36", "0", "1.2 min", "1 h 15 min"], Figures(cut, "response-next"));
        Assert.Empty(cut.FindAll("[data-testid=response-first-business]"));
        Assert.Contains("none are yet", cut.Find("[data-testid=no-business-hours]").TextContent);
    }

    [Fact]
    public async Task Render_WithBusinessHours_AddsTheirRowsAndDropsTheNote()
    {
        await using var ctx = MudTestContext.Create();
        var business = new TimeDistribution([new("< 5 min", 15)], 15, 0, 2, 4);

        var cut = ctx.Render<ResponseTimesPanel>(p => p.Add(c => c.Times, new ResponseTimes(First, Next, business, business)).Add(c => c.BusinessHours, true));

        Assert.Equal(["15", "0", "2 min", "4 min"], Figures(cut, "response-first-business"));
        Assert.Equal(["15", "0", "2 min", "4 min"], Figures(cut, "response-next-business"));
        Assert.Empty(cut.FindAll("[data-testid=no-business-hours]"));
    }

    [Fact]
    public async Task Render_Buckets_DrawOneBarPerBucketAndSeriesWithTheirLabels()
    {
        await using var ctx = MudTestContext.Create();

        var cut = ctx.Render<ResponseTimesPanel>(p => p.Add(c => c.Times, new ResponseTimes(First, Next, null, null)));

        var chart = cut.Find("[data-testid=response-chart] svg");
        var text = chart.TextContent;
        Assert.Contains("< 5 min", text);
        Assert.Contains("> 1 h", text);
        Assert.Contains("First response", cut.Find("[data-testid=response-chart]").TextContent);
        Assert.Contains("Next response", cut.Find("[data-testid=response-chart]").TextContent);
    }

    private static string[] Figures(IRenderedComponent<ResponseTimesPanel> cut, string row) =>
        cut.Find($"[data-testid={row}]").QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()).ToArray();
}
