using System.Net;

namespace Inbox.E2E.Startup;

/// <summary>The app as an operator starts it: <c>ASPNETCORE_ENVIRONMENT=Production</c> and the shipped settings.</summary>
public sealed class ProductionStartTests
{
    [Fact]
    public async Task Production_NothingElseSet_StartsWithoutDemoLoginsOrSimulator()
    {
        await using var app = await InboxProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseUrl };

        var login = await http.GetStringAsync("/login");
        var simulator = await http.GetAsync("/simulator");

        Assert.Contains("action=\"/account/login\"", login);
        Assert.DoesNotContain("inbox.demo", login);
        Assert.Equal(HttpStatusCode.NotFound, simulator.StatusCode);
    }

    [Fact]
    public async Task Production_DemoTurnedOn_RefusesToStartAndSaysWhatToChange()
    {
        var (exitCode, output) = await InboxProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Inbox__Demo__Enabled"] = "true" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Inbox did not start: Demo mode (Inbox:Demo:Enabled) is on in the Production environment", output);
        Assert.Contains("Set Inbox:Demo:Enabled to false", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("Now listening on", output);
    }
}
