using Inbox.Web.Components.Pages.Supervisor;

namespace Inbox.Tests.Web.Supervisor;

/// <summary>The CSV links carry the filters on screen.</summary>
public sealed class DashboardFilterTests
{
    [Fact]
    public void CsvHref_AllChannels_CarriesOnlyTheRange()
    {
        var filter = new DashboardFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.Equal("/api/reports/volume?from=2026-11-01&to=2026-11-30&format=csv", filter.CsvHref("volume"));
    }

    [Fact]
    public void CsvHref_OneChannelTeamAndAgent_CarriesEach()
    {
        var filter = new DashboardFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7), "nw-whatsapp", 2, 5);

        Assert.Equal("/api/reports/agents?from=2026-11-01&to=2026-11-07&channel=nw-whatsapp&team=2&agent=5&format=csv", filter.CsvHref("agents"));
    }
}
