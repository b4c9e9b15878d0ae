using Inbox.Core.Audit;
using Inbox.Core.Persistence;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Persistence;

/// <summary>Upgrading a database made by the former schema scripts, from a copy made by that code (the fixture).</summary>
public class ScriptedSchemaAdoptionTests
{
    [Fact]
    public async Task Migrate_DatabaseFromSchemaScripts_KeepsConversationsAndMessages()
    {
        using var database = ScriptedDatabaseFile();

        await database.Migrator.MigrateAsync();

        await using var db = database.Open();
        var maria = await db.Conversations.Include(c => c.Contact).Include(c => c.Messages).SingleAsync(c => c.Id == 1);
        Assert.Equal("Maria Gonzalez", maria.Contact!.Name);
        Assert.Equal(ScriptedDatabase.MariasQuestion, maria.Messages.OrderBy(m => m.Id).First().Text);
        Assert.Equal(DateTimeKind.Utc, maria.LastInboundAt!.Value.Kind);
        Assert.Equal(4, await db.Conversations.CountAsync());
        Assert.Equal(21, await db.Messages.CountAsync());
        Assert.Equal(4, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Migrate_DatabaseFromSchemaScripts_WhatsAppContactsKeepTheirNumberAsPhone()
    {
        using var database = ScriptedDatabaseFile();

        await database.Migrator.MigrateAsync();

        await using var db = database.Open();
        var ahmed = await db.Set<Inbox.Core.Conversations.Contact>().SingleAsync(c => c.Id == 15);
        var maria = await db.Set<Inbox.Core.Conversations.Contact>().SingleAsync(c => c.Id == 1);
        Assert.Equal("whatsapp-748669500", ahmed.Phone);
        Assert.Null(maria.Phone);
    }

    [Fact]
    public async Task Migrate_DatabaseFromSchemaScripts_EndsWithTheSchemaAndHistoryOfAFreshDatabase()
    {
        using var scripted = ScriptedDatabaseFile();
        using var fresh = new TestDatabase();

        await scripted.Migrator.MigrateAsync();
        await fresh.Migrator.MigrateAsync();

        Assert.Equal(Describe(fresh), Describe(scripted));
        await using var db = scripted.Open();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(ScriptedDatabase.Query(scripted.ConnectionString, "SELECT name FROM sqlite_master WHERE name LIKE 'QRTZ%'"));
    }

    [Fact]
    public async Task Migrate_DatabaseFromSchemaScripts_AuditLogStaysAppendOnly()
    {
        using var database = ScriptedDatabaseFile();

        await database.Migrator.MigrateAsync();
        await using (var db = database.Open())
        {
            db.Add(new AuditEntry { At = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), Actor = "admin@inbox.demo", Action = "team.created", Target = "team Returns" });
            await db.SaveChangesAsync();
        }

        DatabaseMigratorTests.AssertAuditLogIsAppendOnly(database.ConnectionString);
    }

    [Fact]
    public async Task Migrate_DatabaseFromNewerScripts_RefusesNamingBothVersionsAndChangesNothing()
    {
        using var database = ScriptedDatabaseFile();
        ScriptedDatabase.Execute(database.ConnectionString, "INSERT INTO __schema_version VALUES (9, 'whatsapp_user_ids', '2026-12-01T00:00:00Z')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Migrator.MigrateAsync());

        Assert.Contains("schema version 9, newer than the newest this build knows (8)", error.Message);
        AssertUntouched(database);
    }

    [Fact]
    public async Task Migrate_DatabaseFromOlderScripts_RefusesNamingItsVersion()
    {
        using var database = ScriptedDatabaseFile();
        ScriptedDatabase.Execute(database.ConnectionString, "DELETE FROM __schema_version WHERE version > 6");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Migrator.MigrateAsync());

        Assert.Contains("schema version 6; this build upgrades databases from schema version 8", error.Message);
        AssertUntouched(database);
    }

    [Fact]
    public async Task Migrate_DatabaseFromScriptsChangedByHand_RefusesNamingTheDifference()
    {
        using var database = ScriptedDatabaseFile();
        ScriptedDatabase.Execute(database.ConnectionString, """
            DROP INDEX IX_Teams_Name;
            ALTER TABLE Teams ADD COLUMN Colour TEXT NULL;
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Migrator.MigrateAsync());

        Assert.Contains("Missing: Teams index IX_Teams_Name 1 (Name)", error.Message);
        Assert.Contains("Not expected: Teams column Colour TEXT 0 0 null", error.Message);
        AssertUntouched(database);
    }

    private static TestDatabase ScriptedDatabaseFile()
    {
        var database = new TestDatabase();
        ScriptedDatabase.LoadInto(database.ConnectionString);
        return database;
    }

    private static void AssertUntouched(TestDatabase database)
    {
        Assert.Empty(ScriptedDatabase.Query(database.ConnectionString, "SELECT name FROM sqlite_master WHERE name = '__EFMigrationsHistory'"));
        Assert.NotEmpty(ScriptedDatabase.Query(database.ConnectionString, "SELECT name FROM sqlite_master WHERE name = 'QRTZ_TRIGGERS'"));
    }

    private static IReadOnlyList<string> Describe(TestDatabase database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        connection.Open();
        return SqliteSchema.Describe(connection);
    }
}
