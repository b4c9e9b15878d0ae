using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Persistence;

/// <summary>
/// Brings the database to the schema of this build on start-up: the EF Core migrations of its engine (SQLite's under
/// <c>Persistence/Migrations</c>, PostgreSQL's in <c>Inbox.Core.Postgres</c>, both written by <c>dotnet ef migrations add</c>),
/// each applied once and recorded in <c>__EFMigrationsHistory</c>. A SQLite database made by the former hand-written
/// scripts is adopted first (<see cref="ScriptedSchemaAdoption"/>). A database from a newer build stops start-up:
/// running on a schema this build does not know could lose what the newer build stored.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<InboxDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    /// <summary>
    /// Holds the start-up lock until disposed: on PostgreSQL a session advisory lock (<c>pg_advisory_lock</c>), so of
    /// several instances starting together one migrates and seeds while the others wait, then find the work done.
    /// SQLite serves one instance and needs none.
    /// </summary>
    public async Task<IAsyncDisposable> LockStartupAsync(CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.DisposeAsync();
            return NoLock.Instance;
        }

        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgresMigrations.StartupLockKey})", cancellationToken);
        return new StartupLock(db);
    }

    /// <summary>Applies every migration the database lacks.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await CreateDatabaseIfMissingAsync(db, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
            {
                // WAL is recorded in the file itself: readers never block the writer.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                if (await ScriptedSchemaAdoption.AdoptAsync(db, cancellationToken))
                {
                    logger.LogInformation("Database made by schema scripts 1-{Version} adopted as migration {Baseline}",
                        ScriptedSchemaAdoption.NewestScriptVersion, ScriptedSchemaAdoption.BaselineMigrationId);
                }
            }

            var known = db.Database.GetMigrations().ToList();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            if (applied.Except(known).Any())
            {
                throw new InvalidOperationException(
                    $"The database is at migration {applied.Max(StringComparer.Ordinal)}, newer than the newest this build knows ({known[^1]}). " +
                    "It was made by a newer build of Inbox: run that build, or restore a backup made for this one.");
            }

            var pending = known.Except(applied).ToList();
            if (pending.Count == 0)
            {
                // Up to date: EF's MigrateAsync would still build and compare models (about a second of CPU) to apply nothing.
                return;
            }

            foreach (var migration in pending)
            {
                logger.LogInformation("Applying migration {Migration}", migration);
            }

            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The lock lives in the database, so the database must exist first; two instances may race to create it.</summary>
    private static async Task CreateDatabaseIfMissingAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it a moment ago.
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class StartupLock(InboxDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgresMigrations.StartupLockKey})");
            }
            finally
            {
                // Closing the session would release the lock too; unlocking first keeps the pooled connection clean.
                await db.Database.CloseConnectionAsync();
                await db.DisposeAsync();
            }
        }
    }
}
