using System.Data.Common;
using System.Reflection;
using Inbox.Core.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Inbox.Core.Persistence;

/// <summary>
/// Databases made before EF Core migrations were brought up to date by hand-written scripts 0001–0008, recorded in
/// <c>__schema_version</c>. Script 0008's schema is exactly what <see cref="InitialCreate"/> builds (Quartz's tables
/// aside, which a later migration drops), so such a database is adopted in place: its schema is checked against the
/// baseline's, and the baseline is recorded as applied. Later migrations then run as on any other database.
/// </summary>
public static class ScriptedSchemaAdoption
{
    /// <summary>The newest hand-written script; the last schema they produced is the migrations' baseline.</summary>
    public const int NewestScriptVersion = 8;

    /// <summary>The migration whose schema equals the scripts' last one.</summary>
    public static string BaselineMigrationId { get; } = typeof(InitialCreate).GetCustomAttribute<MigrationAttribute>()!.Id;

    /// <summary>
    /// Records the baseline as applied when the database was made by the scripts and has no migration history yet.
    /// Throws, changing nothing, when the database is not at the newest script or its schema differs from the baseline.
    /// </summary>
    /// <returns>True when the database was adopted.</returns>
    public static async Task<bool> AdoptAsync(InboxDbContext db, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        if (!TableExists(connection, "__schema_version") || TableExists(connection, HistoryRepository.DefaultTableName))
        {
            return false;
        }

        var versions = Versions(connection);
        var newest = versions.Count == 0 ? 0 : versions.Max();
        if (newest > NewestScriptVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {newest}, newer than the newest this build knows ({NewestScriptVersion}). " +
                "It was made by a newer build of Inbox: run that build, or restore a backup made for this one.");
        }

        if (versions.Count != NewestScriptVersion || Enumerable.Range(1, NewestScriptVersion).Any(v => !versions.Contains(v)))
        {
            throw new InvalidOperationException(
                $"The database is at schema version {newest}; this build upgrades databases from schema version {NewestScriptVersion} " +
                $"(scripts 1–{NewestScriptVersion}) onwards. Start it once with an Inbox build from before EF Core migrations, then with this one.");
        }

        var expected = BaselineSchema();
        var actual = SqliteSchema.Describe(connection);
        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {newest}, but its schema differs from what that version made, so it is left untouched. " +
                $"Missing: {Describe(missing)}. Not expected: {Describe(unexpected)}.");
        }

        var history = db.GetService<IHistoryRepository>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, history.GetCreateScript(), cancellationToken);
        await ExecuteAsync(connection, transaction, history.GetInsertScript(new HistoryRow(BaselineMigrationId, ProductInfo.GetVersion())), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The schema the baseline migration builds, on a throwaway in-memory database.</summary>
    private static List<string> BaselineSchema()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var scratch = new InboxDbContext(new DbContextOptionsBuilder<InboxDbContext>().UseSqlite(connection).Options);
        scratch.GetService<IMigrator>().Migrate(BaselineMigrationId);
        return [.. SqliteSchema.Describe(connection)];
    }

    private static string Describe(List<string> lines) => lines.Count == 0 ? "nothing" : string.Join("; ", lines.Select(l => l.Trim()));

    private static bool TableExists(DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$name";
        parameter.Value = name;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static HashSet<int> Versions(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM __schema_version";
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
