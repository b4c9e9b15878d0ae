using Bunit;
using Inbox.Core.Reporting;
using Inbox.Web.Components.Pages.Supervisor;

namespace Inbox.Tests.Web.Supervisor;

/// <summary>The heatmap the app draws: a cell per weekday and hour, shaded by its count, named on hover.</summary>
public sealed class VolumeHeatmapTests
{
    [Fact]
    public async Task Render_AWeek_DrawsSevenRowsOf24AndNamesTheBusiestHour()
    {
        await using var ctx = MudTestContext.Create();
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var cells = week.SelectMany(day => Enumerable.Range(0, 24).Select(hour => new VolumeCell(day, hour, day == DayOfWeek.Tuesday && hour == 10 ? 12 : hour % 2))).ToList();

        var cut = ctx.Render<VolumeHeatmap>(p => p.Add(c => c.Cells, cells));

        var rows = cut.FindAll("[data-testid=heatmap] tbody tr");
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], rows.Select(r => r.QuerySelector("th")!.TextContent).ToArray());
        Assert.All(rows, r => Assert.Equal(24, r.QuerySelectorAll("td").Length));
        var busiest = cut.Find("td[data-count='12']");
        Assert.Equal("Tuesday 10:00–11:00: 12 turns", busiest.GetAttribute("title"));
        Assert.Contains("100%", busiest.GetAttribute("style"));
        Assert.Contains("action-disabled", cut.Find("td[data-count='0']").GetAttribute("style"));
        Assert.Contains("Busiest: 12.", cut.Markup);
    }
}
