using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Web;

/// <summary>The report routes on the demo data (a month of seeded history, facts built at start-up).</summary>
public sealed class ReportsApiTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    private readonly HttpClient supervisor = app.ApiClient(InboxAppFactory.SupervisorKey);

    public static TheoryData<string> Routes() =>
        ["now", "badge", "response-times", "windows-lost", "volume", "backlog", "csat", "whatsapp-sends", "line-quota", "agents", "definitions"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Get_AgentKey_IsRefused(string route)
    {
        var response = await app.ApiClient(InboxAppFactory.AgentKey).GetAsync($"/api/reports/{route}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Get_SupervisorKey_AnswersJson(string route)
    {
        var response = await supervisor.GetAsync($"/api/reports/{route}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_NoKey_IsUnauthorized()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/reports/badge");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Badge_DemoPages_EstimatePerMessengerChannelWithAVerdict()
    {
        var estimates = (await supervisor.GetFromJsonAsync<JsonElement[]>("/api/reports/badge"))!;

        Assert.Equal(["Northwind Outfitters", "Northwind Outlet"], estimates.Select(e => e.GetProperty("channelName").GetString()));
        Assert.All(estimates, e => Assert.Contains(e.GetProperty("verdict").GetString(), new[] { "yes", "at_risk", "no" }));
        Assert.True(estimates[0].GetProperty("last30Days").GetProperty("counted").GetInt32() >= 10);
        Assert.NotEmpty(estimates[0].GetProperty("offenders").EnumerateArray());
    }

    [Fact]
    public async Task ResponseTimes_DemoHistory_HasFiguresAndSaysBusinessHoursAreMissing()
    {
        var times = await supervisor.GetFromJsonAsync<JsonElement>("/api/reports/response-times?channel=nw-facebook");

        Assert.True(times.GetProperty("first").GetProperty("answered").GetInt32() > 0);
        Assert.Equal(6, times.GetProperty("next").GetProperty("buckets").GetArrayLength());
        Assert.False(times.GetProperty("businessHours").GetBoolean());
        Assert.Equal(JsonValueKind.Null, times.GetProperty("firstBusiness").ValueKind);
    }

    [Fact]
    public async Task Agents_FormatCsv_DownloadsATableWithAHeader()
    {
        var response = await supervisor.GetAsync("/api/reports/agents?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("agents.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("agent,presence,open_assigned,answered,waiting,", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Alice Agent,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backlog_DateRange_OnePointPerDay()
    {
        var points = await supervisor.GetFromJsonAsync<JsonElement[]>("/api/reports/backlog?from=2026-01-01&to=2026-01-07");

        Assert.Equal(7, points!.Length);
        Assert.Equal("2026-01-01", points[0].GetProperty("day").GetString());
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-02-10&to=2026-02-01")]
    [InlineData("channel=no-such-channel")]
    [InlineData("format=xml")]
    public async Task Get_BadQuery_AnswersProblem400(string query)
    {
        var response = await supervisor.GetAsync($"/api/reports/volume?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
