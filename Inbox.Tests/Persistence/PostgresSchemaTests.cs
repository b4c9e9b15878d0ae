using System.Data.Common;
using Inbox.Core.Persistence;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Persistence;

/// <summary>PostgreSQL's own migrations: in step with the model, and building the same tables and columns as SQLite's.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class PostgresSchemaTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrations_AgainstTheModel_HaveNothingPending()
    {
        await using var db = new InboxDbContext(new DbContextOptionsBuilder<InboxDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=unused", npgsql => npgsql.MigrationsAssembly(PostgresMigrations.Assembly)).Options);

        // Fails when a SQLite migration was added without its PostgreSQL twin (see the README's "Schema changes").
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrate_FreshDatabase_SameTablesAndColumnsAsSqlite()
    {
        await using var sqlite = await CoreHarness.StartAsync();
        await using var onPostgres = await CoreHarness.StartAsync(postgres: postgres.Server);
        await using var sqliteDb = sqlite.Open();
        await using var postgresDb = onPostgres.Open();

        var expected = await ColumnsAsync(sqliteDb.Database.GetDbConnection(), """
            SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.name NOT LIKE '\_\_%' ESCAPE '\'
            """);
        var actual = await ColumnsAsync(postgresDb.Database.GetDbConnection(), """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_%'
            """);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, string sql)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync())
        {
            columns.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
        }

        columns.Sort(StringComparer.Ordinal);
        return columns;
    }
}
