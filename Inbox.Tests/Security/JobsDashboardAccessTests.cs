using System.Net;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Security;

/// <summary>Hangfire's dashboard at /admin/hangfire: admins in, everyone else kept out.</summary>
public sealed class JobsDashboardAccessTests(JobsDashboardAccessTests.App app) : IClassFixture<JobsDashboardAccessTests.App>
{
    private const string Dashboard = "/admin/hangfire";

    [Fact]
    public async Task Dashboard_Anonymous_SentToTheSignInPage()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("agent@inbox.demo")]
    [InlineData("supervisor@inbox.demo")]
    public async Task Dashboard_AgentOrSupervisor_Refused(string email)
    {
        var client = await CookieSignIn.SignedInAsync(app, email);

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Admin_SeesTheJobs()
    {
        var client = await CookieSignIn.SignedInAsync(app, "admin@inbox.demo");

        var page = await client.GetAsync(Dashboard);
        var recurring = await client.GetStringAsync(Dashboard + "/recurring");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Inbox jobs", await page.Content.ReadAsStringAsync());
        Assert.Contains("line-quota-refresh", recurring);
    }

    /// <summary>The demo app (one login per role).</summary>
    public sealed class App : InboxAppFactory;
}
