using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inbox.Core.Persistence;

public static class PersistenceExtensions
{
    /// <summary>The connection string used when <c>ConnectionStrings:Inbox</c> is not set: a file under the app's data folder.</summary>
    public const string DefaultConnectionString = "Data Source=data/inbox.db";

    /// <summary>Shared by every context: interceptors are part of the key EF caches its internal services under.</summary>
    private static readonly SqlitePragmaInterceptor Pragmas = new();

    /// <summary>Registers the SQLite database (one context per operation) and its migrator.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = ResolveConnectionString(configuration.GetConnectionString("Inbox"), contentRoot);
        // Pooled: a webhook burst opens thousands of short units of work a second, and building a context from its
        // options each time was a tenth of the ingest's CPU. Identity's stores take a scoped one from the same pool.
        services.AddPooledDbContextFactory<InboxDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(Pragmas, ChannelSecretsProtector.Instance));
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext());

        // Channel secrets, sign-in cookies and antiforgery tokens are protected with a key ring kept on disk, so they
        // survive restarts: beside the database unless Inbox:DataProtection says otherwise.
        KeyRing.Register(services, configuration, connectionString, contentRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseMigrator>();

        // The audit trail is written inside the callers' own units of work, so it lives with the database.
        services.AddSingleton<Audit.AuditLog>();
        return services;
    }

    /// <summary>The Data Protection key ring's folder: <c>keys/</c> beside the database file; null for an in-memory database.</summary>
    public static string? KeysFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source is ":memory:" or "" ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, "keys");
    }

    /// <summary>Makes a relative <c>Data Source</c> relative to the content root and creates its folder.</summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
