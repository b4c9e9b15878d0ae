using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Persistence;

/// <summary>
/// Brings a database up to the current schema on start-up. EF's migration tooling cannot be restored
/// here, so schema changes are hand-written SQL files (<c>Persistence/Migrations/NNNN_name.sql</c>),
/// each applied once, in order, in its own transaction, and recorded in <c>__schema_version</c>.
/// Scripts are written on parallel branches, so a number may be missing until a branch is merged; a script that
/// arrives later with a lower number than one already applied still runs, because each is tracked on its own.
/// A test checks that the scripts produce exactly the schema the EF model expects.
/// </summary>
public sealed class SchemaMigrator(IDbContextFactory<InboxDbContext> contexts, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    private static readonly Lazy<IReadOnlyList<SchemaScript>> EmbeddedScripts = new(LoadScripts);

    /// <summary>Every script shipped with this build, by version.</summary>
    public static IReadOnlyList<SchemaScript> Scripts => EmbeddedScripts.Value;

    /// <summary>The schema version this build expects.</summary>
    public static int LatestVersion => Scripts[^1].Version;

    /// <summary>Applies every script newer than the database's version, up to <paramref name="targetVersion"/> (default: all).</summary>
    /// <returns>The database's version afterwards.</returns>
    public async Task<int> MigrateAsync(int? targetVersion = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);

        // WAL is recorded in the file itself: readers never block the writer.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, null,
            "CREATE TABLE IF NOT EXISTS __schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
            cancellationToken);

        var applied = await AppliedVersionsAsync(connection, cancellationToken);
        var current = applied.Count == 0 ? 0 : applied.Max();
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build's {LatestVersion}. Run a newer build of Inbox.");
        }

        foreach (var script in Scripts.Where(s => !applied.Contains(s.Version) && s.Version <= (targetVersion ?? int.MaxValue)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO __schema_version (version, name, applied_at) VALUES ($version, $name, $at);";
                AddParameter(record, "$version", script.Version);
                AddParameter(record, "$name", script.Name);
                AddParameter(record, "$at", time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema script {Version} {Name}", script.Version, script.Name);
            current = Math.Max(current, script.Version);
        }

        return current;
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM __schema_version;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IReadOnlyList<SchemaScript> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string marker = ".Migrations.";
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(marker) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var fileName = resource[(resource.LastIndexOf(marker, StringComparison.Ordinal) + marker.Length)..^".sql".Length];
            var separator = fileName.IndexOf('_');
            var version = int.Parse(fileName[..separator].TrimStart('_'), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new SchemaScript(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Two schema scripts share the number {scripts[i].Version}; renumber one.");
            }
        }

        return scripts;
    }
}
