using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Inbox.Web.Components.Pages.Supervisor;

/// <summary>What the dashboard's filters select: a range of days in the business's zone, and optionally one channel, team or agent.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day, included.</param>
/// <param name="ChannelKey">One channel's key, or null for all.</param>
/// <param name="TeamId">One team, or null for all.</param>
/// <param name="AgentId">One agent, or null for all.</param>
public sealed record DashboardFilter(DateOnly From, DateOnly To, string? ChannelKey = null, int? TeamId = null, int? AgentId = null)
{
    /// <summary>The same report as CSV from <c>/api/reports</c>, with these filters.</summary>
    public string CsvHref(string report)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["channel"] = ChannelKey,
            ["team"] = TeamId?.ToString(CultureInfo.InvariantCulture),
            ["agent"] = AgentId?.ToString(CultureInfo.InvariantCulture),
            ["format"] = "csv",
        };
        return QueryHelpers.AddQueryString($"/api/reports/{report}", query);
    }
}
