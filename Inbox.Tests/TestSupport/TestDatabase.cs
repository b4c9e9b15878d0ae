using Inbox.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.TestSupport;

/// <summary>A real SQLite file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly ServiceProvider services;

    public TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("inbox-test-").FullName;
        ConnectionString = $"Data Source={Path.Combine(Folder, "inbox.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Inbox"] = ConnectionString }).Build();
        services = new ServiceCollection().AddLogging().AddPersistence(configuration, Folder).BuildServiceProvider();
        Contexts = services.GetRequiredService<IDbContextFactory<InboxDbContext>>();
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<InboxDbContext> Contexts { get; }

    public DatabaseMigrator Migrator => new(Contexts, NullLogger<DatabaseMigrator>.Instance);

    public InboxDbContext Open() => Contexts.CreateDbContext();

    public void Dispose()
    {
        services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
