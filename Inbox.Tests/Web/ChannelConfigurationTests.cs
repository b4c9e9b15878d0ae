using System.Net;
using Inbox.Core.Channels;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web;

public sealed class ChannelConfigurationTests
{
    [Fact]
    public async Task Start_ChannelsInConfiguration_AreUpsertedByKey()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-channels-").FullName;
        var database = $"Data Source={Path.Combine(folder, "inbox.db")}";
        Dictionary<string, string?> Declared(string name, string approved) => new()
        {
            ["ConnectionStrings:Inbox"] = database,
            ["Inbox:Demo:Enabled"] = "false",
            ["Inbox:Channels:0:Key"] = "acme-fb",
            ["Inbox:Channels:0:Kind"] = "Messenger",
            ["Inbox:Channels:0:Name"] = name,
            ["Inbox:Channels:0:ExternalId"] = "555000111",
            ["Inbox:Channels:0:AccessToken"] = "EAAB-token",
            ["Inbox:Channels:0:HumanAgentApproved"] = approved,
        };

        using (var first = InboxAppFactory.With(Declared("Acme Page", "true")))
        {
            _ = first.Server;
        }

        using (var second = InboxAppFactory.With(Declared("Acme Support", "false")))
        {
            _ = second.Server;
            await using var db = second.OpenDb();
            var acme = await db.Channels.SingleAsync(c => c.Key == "acme-fb");
            Assert.Equal("Acme Support", acme.Name);
            Assert.Equal(ChannelKind.Messenger, acme.Kind);
            Assert.False(acme.HumanAgentApproved);
            Assert.False(acme.Simulated);
            Assert.Equal("EAAB-token", acme.AccessToken);
            Assert.Equal(1, await db.Channels.CountAsync());
        }

        // After the app has stopped: its job server writes to the job storage beside the database while it runs.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Start_LineChannelWithoutSecret_FailsWithClearError()
    {
        using var app = InboxAppFactory.With(new()
        {
            ["Inbox:Demo:Enabled"] = "false",
            ["Inbox:Channels:0:Key"] = "acme-line",
            ["Inbox:Channels:0:Kind"] = "Line",
            ["Inbox:Channels:0:Name"] = "Acme LINE",
            ["Inbox:Channels:0:ExternalId"] = "U123",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("needs its ChannelSecret", error.ToString());
    }

    [Theory]
    [InlineData("subscribe", "verify-me", "1158201444", HttpStatusCode.OK)]
    [InlineData("subscribe", "guess", "1158201444", HttpStatusCode.Forbidden)]
    [InlineData("unsubscribe", "verify-me", "1158201444", HttpStatusCode.Forbidden)]
    public async Task MetaHandshake_EchoesChallengeOnlyForTheVerifyToken(string mode, string token, string challenge, HttpStatusCode expected)
    {
        using var app = InboxAppFactory.With(new() { ["Meta:VerifyToken"] = "verify-me" });

        var response = await app.CreateClient().GetAsync($"/webhooks/meta?hub.mode={mode}&hub.verify_token={token}&hub.challenge={challenge}");

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(challenge, body);
        }
        else
        {
            Assert.DoesNotContain(challenge, body);
        }
    }
}
