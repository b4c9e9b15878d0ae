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
}
