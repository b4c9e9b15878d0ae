using Inbox.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// A SQLite file brought to this build's schema by the app's own <see cref="DatabaseMigrator"/>, once per test run, and
/// copied for each test that needs an empty, migrated database. Applying the migrations costs about a second of CPU
/// (EF builds a model per migration); the many apps and harnesses of a run would otherwise pay it each time. The
/// migrations themselves are tested on fresh files by <c>DatabaseMigratorTests</c>.
/// </summary>
public static class MigratedDatabase
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>Writes an empty, migrated database to <paramref name="path"/> unless a file is already there.</summary>
    public static async Task CopyToAsync(string path)
    {
        var template = await Template.Value;
        if (!File.Exists(path))
        {
            File.Copy(template, path);
        }
    }

    /// <inheritdoc cref="CopyToAsync"/>
    public static void CopyTo(string path) => CopyToAsync(path).GetAwaiter().GetResult();

    private static async Task<string> CreateTemplateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-template-").FullName;
        var file = Path.Combine(folder, "inbox.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Inbox"] = $"Data Source={file}" })
            .Build();
        await using (var services = new ServiceCollection().AddLogging().AddPersistence(configuration, folder).BuildServiceProvider())
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        // Everything into the main file, so a copy of that one file is the whole database (still in WAL mode).
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        using (var pooled = new SqliteConnection($"Data Source={file}"))
        {
            SqliteConnection.ClearPool(pooled);
        }

        return file;
    }
}
