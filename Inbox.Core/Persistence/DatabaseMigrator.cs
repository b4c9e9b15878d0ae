using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Persistence;

/// <summary>
/// Brings the database to the schema of this build on start-up: the EF Core migrations under
/// <c>Persistence/Migrations</c> (written by <c>dotnet ef migrations add</c>), each applied once and recorded in
/// <c>__EFMigrationsHistory</c>. A database made by the former hand-written scripts is adopted first
/// (<see cref="ScriptedSchemaAdoption"/>). A database from a newer build stops start-up: running on a schema this
/// build does not know could lose what the newer build stored.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<InboxDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Applies every migration the database lacks.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // WAL is recorded in the file itself: readers never block the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

            if (await ScriptedSchemaAdoption.AdoptAsync(db, cancellationToken))
            {
                logger.LogInformation("Database made by schema scripts 1-{Version} adopted as migration {Baseline}",
                    ScriptedSchemaAdoption.NewestScriptVersion, ScriptedSchemaAdoption.BaselineMigrationId);
            }

            var known = db.Database.GetMigrations().ToList();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            if (applied.Except(known).Any())
            {
                throw new InvalidOperationException(
                    $"The database is at migration {applied.Max(StringComparer.Ordinal)}, newer than the newest this build knows ({known[^1]}). " +
                    "It was made by a newer build of Inbox: run that build, or restore a backup made for this one.");
            }

            foreach (var migration in known.Except(applied))
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
}
