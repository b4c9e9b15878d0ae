using System.Net;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web;

public sealed class DemoModeTests
{
    [Fact]
    public async Task Start_DemoDisabled_SeedsNoDemoUsersOrData()
    {
        using var app = InboxAppFactory.With(new() { ["Inbox:Demo:Enabled"] = "false" });
        var html = await app.CreateClient().GetStringAsync("/login");

        await using var db = app.OpenDb();
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.Channels.AnyAsync());
        Assert.Equal(3, await db.Roles.CountAsync());
        Assert.DoesNotContain("agent@inbox.demo", html);
    }

    [Fact]
    public async Task Start_DemoDisabledWithBootstrapAdmin_CreatesOnlyThatAdmin()
    {
        using var app = InboxAppFactory.With(new()
        {
            ["Inbox:Demo:Enabled"] = "false",
            ["Inbox:Admin:Email"] = "owner@example.com",
            ["Inbox:Admin:Password"] = "Owner-pass-1",
        });
        _ = app.Server;

        await using var db = app.OpenDb();
        var user = await db.Users.SingleAsync();
        Assert.Equal("owner@example.com", user.Email);
        Assert.Equal("owner@example.com", (await db.Agents.SingleAsync()).Email);
    }

    [Fact]
    public async Task Start_DemoEnabledOnDatabaseWithData_LeavesItUntouched()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-existing-").FullName;
        var database = $"Data Source={Path.Combine(folder, "inbox.db")}";
        using (var first = InboxAppFactory.With(new()
        {
            ["ConnectionStrings:Inbox"] = database,
            ["Inbox:Demo:Enabled"] = "false",
            ["Inbox:Admin:Email"] = "owner@example.com",
            ["Inbox:Admin:Password"] = "Owner-pass-1",
        }))
        {
            _ = first.Server;
        }

        using (var second = InboxAppFactory.With(new() { ["ConnectionStrings:Inbox"] = database, ["Inbox:Demo:Enabled"] = "true" }))
        {
            _ = second.Server;
            await using var db = second.OpenDb();
            Assert.Equal("owner@example.com", (await db.Users.SingleAsync()).Email);
            Assert.False(await db.Channels.AnyAsync());
        }

        // After the app has stopped: its job server writes to the job storage beside the database while it runs.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "Production", "", "the Production environment" },
        { "Staging", "Inbox:Channels:0:Key=acme-fb;Inbox:Channels:0:Kind=Messenger;Inbox:Channels:0:Name=Acme;Inbox:Channels:0:ExternalId=555000111", "Inbox:Channels" },
        { "Development", "Meta:AppSecret=real-app-secret", "Meta:AppSecret" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Start_DemoWhereItMustNotRun_RefusesNamingTheSettingAndCreatesNothing(string environment, string besides, string named)
    {
        var settings = new Dictionary<string, string?> { ["environment"] = environment, ["Inbox:Demo:Enabled"] = "true" };
        foreach (var pair in besides.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            settings[pair.Split('=')[0]] = pair.Split('=')[1];
        }

        using var app = InboxAppFactory.With(settings, migrated: false);

        var error = Assert.ThrowsAny<Exception>(() => app.Server).ToString();
        Assert.Contains("Set Inbox:Demo:Enabled to false", error);
        Assert.Contains(named, error);
        Assert.False(File.Exists(Path.Combine(app.Folder, "inbox.db")), "nothing is created or seeded before the refusal");
    }

    [Fact]
    public async Task Start_ProductionWithoutDemo_NoDemoLoginAndTheSimulatorIsNotFound()
    {
        using var app = InboxAppFactory.With(new() { ["environment"] = "Production", ["Inbox:Demo:Enabled"] = "false" });
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var login = await client.GetStringAsync("/login");
        var simulator = await client.GetAsync("/simulator");

        Assert.DoesNotContain("inbox.demo", login);
        Assert.DoesNotContain("Demo-pass-1", login);
        Assert.Equal(HttpStatusCode.NotFound, simulator.StatusCode);
    }

    [Fact]
    public async Task Start_StagingWithDemo_TheSimulatorIsThere()
    {
        using var app = InboxAppFactory.With(new() { ["environment"] = "Staging" });

        var simulator = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/simulator");

        Assert.Equal(HttpStatusCode.OK, simulator.StatusCode);
    }
}
