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

    [Fact]
    public async Task Migrate_DatabaseFromNewerBuild_RefusesToStart()
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync();
        Execute(database.ConnectionString, $"INSERT INTO __schema_version VALUES ({SchemaMigrator.LatestVersion + 1}, 'future', '2030-01-01')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Migrator.MigrateAsync());
        Assert.Contains("newer than this build", error.Message);
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
