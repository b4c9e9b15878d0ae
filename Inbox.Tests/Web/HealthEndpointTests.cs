using System.Net;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Web;

/// <summary><c>/healthz</c> as a load balancer sees it: a status code and one word, without signing in.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_Anonymous_DatabaseReachable_Returns200Healthy()
    {
        using var app = new InboxAppFactory();

        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_DatabaseUnreachable_Returns503WithoutDetails()
    {
        using var app = new InboxAppFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // The database file gone, and a folder in its place so nothing can quietly create an empty one.
        var file = Path.Combine(app.Folder, "inbox.db");
        File.Delete(file);
        Directory.CreateDirectory(file);
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
