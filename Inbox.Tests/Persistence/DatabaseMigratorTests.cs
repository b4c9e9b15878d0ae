using Inbox.Core.Audit;
using Inbox.Core.Persistence;
using Inbox.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Persistence;

public class DatabaseMigratorTests
{
    [Fact]
    public async Task Migrations_AgainstTheModel_HaveNothingPending()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();

        // Fails when the model changed without `dotnet ef migrations add` (see the README's "Schema changes").
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrate_FreshDatabase_AppliesEveryMigration()
    {
        using var database = new TestDatabase();

        await database.Migrator.MigrateAsync();

        await using var db = database.Open();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(ScriptedDatabase.Query(database.ConnectionString, "SELECT name FROM sqlite_master WHERE name LIKE 'QRTZ%'"));

        // A build from before migrations refuses any version above its newest script (8).
        Assert.Equal(["1000"], ScriptedDatabase.Query(database.ConnectionString, "SELECT MAX(version) FROM __schema_version"));
    }

    [Fact]
    public async Task Migrate_RunTwice_KeepsTheDataAndAppliesNothingTheSecondTime()
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync();
        ScriptedDatabase.Execute(database.ConnectionString, "INSERT INTO Teams (Name, AutoAssignMode) VALUES ('Returns', 'Off')");

        await database.Migrator.MigrateAsync();

        await using var db = database.Open();
        Assert.Equal("Returns", (await db.Teams.SingleAsync()).Name);
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }

    [Fact]
    public async Task Migrate_FreshDatabase_UsesWriteAheadLogging()
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync();

        await using var db = database.Open();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(1L, await command.ExecuteScalarAsync()); // 1 = NORMAL
    }

    [Fact]
    public async Task Migrate_FreshDatabase_AuditLogRefusesChangeAndRemoval()
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync();
        await using (var db = database.Open())
        {
            db.Add(new AuditEntry { At = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc), Actor = "admin@inbox.demo", Action = "channel.created", Target = "nw-facebook" });
            await db.SaveChangesAsync();
        }

        AssertAuditLogIsAppendOnly(database.ConnectionString);
    }

    [Fact]
    public async Task Migrate_DatabaseWithMigrationUnknownToThisBuild_RefusesNamingBothVersions()
    {
        using var database = new TestDatabase();
        await database.Migrator.MigrateAsync();
        ScriptedDatabase.Execute(database.ConnectionString,
            "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromANewerBuild', '10.0.15')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Migrator.MigrateAsync());

        await using var db = database.Open();
        Assert.Contains("29991231000000_FromANewerBuild", error.Message);
        Assert.Contains(db.Database.GetMigrations().Last(), error.Message);
        Assert.Contains("newer build of Inbox", error.Message);
    }

    /// <summary>An update and a delete on the audit log, each refused by the database itself.</summary>
    internal static void AssertAuditLogIsAppendOnly(string connectionString)
    {
        var update = Assert.Throws<SqliteException>(() => ScriptedDatabase.Execute(connectionString, "UPDATE AuditEntries SET Actor = 'someone else'"));
        var delete = Assert.Throws<SqliteException>(() => ScriptedDatabase.Execute(connectionString, "DELETE FROM AuditEntries"));
        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.NotEmpty(ScriptedDatabase.Query(connectionString, "SELECT Actor FROM AuditEntries WHERE Actor <> 'someone else'"));
    }
}
