using Inbox.Core.Channels;
using Inbox.Core.Persistence;
using Inbox.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Security;

public sealed class ChannelSecretsAtRestTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("inbox-secrets-").FullName;

    private Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:Inbox"] = $"Data Source={Path.Combine(folder, "inbox.db")}",
        ["Inbox:Demo:Enabled"] = "false",
        ["Inbox:Channels:0:Key"] = "acme-line",
        ["Inbox:Channels:0:Kind"] = "Line",
        ["Inbox:Channels:0:Name"] = "Acme LINE",
        ["Inbox:Channels:0:ExternalId"] = "Ubot1",
        ["Inbox:Channels:0:AccessToken"] = "line-access-token-PLAIN",
        ["Inbox:Channels:0:ChannelSecret"] = "line-channel-secret-PLAIN",
    };

    [Fact]
    public async Task StoredChannel_SecretsAreEncryptedInTheFileAndReadableAfterARestart()
    {
        using (var first = InboxAppFactory.With(Settings))
        {
            _ = first.Server;
            var (token, secret) = RawSecrets();
            Assert.True(ChannelSecretsProtector.IsProtected(token) && ChannelSecretsProtector.IsProtected(secret), $"stored as {token} / {secret}");
            Assert.DoesNotContain("PLAIN", token + secret);
        }

        using var restarted = InboxAppFactory.With(Settings);
        await using var db = restarted.OpenDb();
        var channel = await db.Channels.SingleAsync(c => c.Key == "acme-line");
        Assert.Equal(("line-access-token-PLAIN", "line-channel-secret-PLAIN"), (channel.AccessToken, channel.ChannelSecret));
        Assert.True(Directory.EnumerateFiles(Path.Combine(folder, "keys"), "key-*.xml").Any());
    }

    [Fact]
    public async Task LegacyPlainSecret_IsReadAsItIsAndEncryptedOnTheNextSave()
    {
        using var app = InboxAppFactory.With(new() { ["ConnectionStrings:Inbox"] = Settings["ConnectionStrings:Inbox"], ["Inbox:Demo:Enabled"] = "false" });
        _ = app.Server;
        Execute("INSERT INTO Channels (Key, Kind, Name, ExternalId, AccessToken, HumanAgentApproved, Simulated, CreatedAt, FromConfiguration) VALUES ('old-fb', 'Messenger', 'Old', '42', 'EAAB-legacy-PLAIN', 0, 0, '2026-01-01 00:00:00', 0)");

        await using (var db = app.OpenDb())
        {
            var channel = await db.Channels.SingleAsync(c => c.Key == "old-fb");
            Assert.Equal("EAAB-legacy-PLAIN", channel.AccessToken);
            channel.Name = "Old Page";
            await db.SaveChangesAsync();
            Assert.Equal("EAAB-legacy-PLAIN", channel.AccessToken);
        }

        Assert.True(ChannelSecretsProtector.IsProtected(Scalar("SELECT AccessToken FROM Channels WHERE Key = 'old-fb'")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private (string Token, string Secret) RawSecrets() =>
        (Scalar("SELECT AccessToken FROM Channels WHERE Key = 'acme-line'"), Scalar("SELECT ChannelSecret FROM Channels WHERE Key = 'acme-line'"));

    private string Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "inbox.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "inbox.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
