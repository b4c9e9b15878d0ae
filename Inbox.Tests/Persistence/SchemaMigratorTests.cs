using Inbox.Core.Persistence;
using Inbox.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Persistence;

public class SchemaMigratorTests
{
    [Fact]
    public async Task Migrate_FreshDatabase_ProducesTheSchemaTheModelExpects()
    {
        using var scripted = new TestDatabase();
        using var modelled = new TestDatabase();
        await scripted.Migrator.MigrateAsync();
        await using (var db = modelled.Open())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = Describe(modelled.ConnectionString);
        var actual = Describe(scripted.ConnectionString);
        if (expected != actual)
        {
            // Hand the developer the model's own DDL to write the next script from.
            await using var db = modelled.Open();
            var dump = Path.Combine(AppContext.BaseDirectory, "model-schema.sql");
            await File.WriteAllTextAsync(dump, db.Database.GenerateCreateScript());
            Assert.Fail($"The schema scripts do not match the EF model. Add a script under Inbox.Core/Persistence/Migrations; the model's full DDL is in {dump}.\nExpected:\n{expected}\nActual:\n{actual}");
        }
    }

    [Fact]
    public async Task Migrate_RunTwice_AppliesNothingTheSecondTime()
    {
        using var database = new TestDatabase();
        var first = await database.Migrator.MigrateAsync();
        var second = await database.Migrator.MigrateAsync();

        Assert.Equal(SchemaMigrator.LatestVersion, first);
        Assert.Equal(first, second);
        Assert.Equal(SchemaMigrator.Scripts.Count, Scalar(database.ConnectionString, "SELECT COUNT(*) FROM __schema_version"));
    }

    [Fact]
    public async Task Migrate_FreshDatabase_UsesWriteAheadLogging()
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync();

        await using var db = database.Open();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(1L, await command.ExecuteScalarAsync()); // 1 = NORMAL
    }

    public static TheoryData<int> PreviousVersions()
    {
        var versions = new TheoryData<int>();
        foreach (var script in SchemaMigrator.Scripts.SkipLast(1))
        {
            versions.Add(script.Version);
        }

        return versions;
    }

    [Theory]
    [MemberData(nameof(PreviousVersions))]
    public async Task Migrate_FromPreviousVersionWithData_UpgradesWithoutLosingIt(int version)
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync(targetVersion: version);
        Execute(database.ConnectionString, """
            INSERT INTO Channels (Id, Key, Kind, Name, ExternalId, HumanAgentApproved, Simulated, CreatedAt) VALUES (1, 'fb', 'Messenger', 'Page', '1', 1, 0, '2026-11-01 10:00:00');
            INSERT INTO Contacts (Id, ChannelId, ExternalId, Name, CreatedAt) VALUES (1, 1, 'psid-1', 'Kim', '2026-11-01 10:00:00');
            INSERT INTO Conversations (Id, ChannelId, ContactId, Kind, Status, LastInboundAt, StartedFromAd, PrivateReplyUsed, UnreadCount, CreatedAt)
                VALUES (1, 1, 1, 'Direct', 'Open', '2026-11-01 10:00:00', 0, 0, 1, '2026-11-01 10:00:00');
            INSERT INTO Messages (ConversationId, ChannelId, Direction, Author, PlatformMessageId, Text, SentAt, CreatedAt, Status)
                VALUES (1, 1, 'Inbound', 'Customer', 'm.1', 'Hello from before the upgrade', '2026-11-01 10:00:00', '2026-11-01 10:00:00', 'Received');
            """);

        var upgraded = await database.Migrator.MigrateAsync();

        Assert.Equal(SchemaMigrator.LatestVersion, upgraded);
        await using var db = database.Open();
        var message = await db.Messages.Include(m => m.Conversation).SingleAsync();
        Assert.Equal("Hello from before the upgrade", message.Text);
        Assert.Equal(new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc), message.Conversation!.LastInboundAt);
        Assert.Equal(await DescribeFreshAsync(), Describe(database.ConnectionString));
    }

    [Fact]
    public async Task Migrate_DatabaseFromNewerBuild_RefusesToStart()
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync();
        Execute(database.ConnectionString, $"INSERT INTO __schema_version VALUES ({SchemaMigrator.LatestVersion + 1}, 'future', '2030-01-01')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Migrator.MigrateAsync());
        Assert.Contains("newer than this build", error.Message);
    }

    private static async Task<string> DescribeFreshAsync()
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync();
        return Describe(database.ConnectionString);
    }

    /// <summary>Tables, columns, indexes and foreign keys in a canonical text form.</summary>
    internal static string Describe(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '__schema_version' AND name NOT LIKE 'qrtz_%' ORDER BY name"))
        {
            lines.Add($"table {table}");
            lines.AddRange(Rows(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}') ORDER BY name").Select(r => "  column " + r));
            lines.AddRange(Rows(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"").Select(r => "  fk " + r));
            foreach (var index in Strings(connection, $"SELECT name FROM pragma_index_list('{table}') WHERE origin = 'c' ORDER BY name"))
            {
                var unique = Rows(connection, $"SELECT \"unique\" FROM pragma_index_list('{table}') WHERE name = '{index}'").Single();
                lines.Add($"  index {index} unique={unique} ({string.Join(",", Strings(connection, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno"))})");
            }
        }

        return string.Join('\n', lines);
    }

    internal static long Scalar(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    internal static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Strings(SqliteConnection connection, string sql) => Rows(connection, sql);

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
