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

    /// <summary>Registers the database (SQLite or PostgreSQL, one context per operation) and its migrator.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseOptions.From(configuration);
        var connectionString = ResolveConnectionString(database.Provider, configuration.GetConnectionString("Inbox"), contentRoot);

        // Pooled: a webhook burst opens thousands of short units of work a second, and building a context from its
        // options each time was a tenth of the ingest's CPU. Identity's stores take a scoped one from the same pool.
        services.AddPooledDbContextFactory<InboxDbContext>(options =>
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrations.Assembly))
                    .AddInterceptors(ChannelSecretsProtector.Instance);
            }
            else
            {
                options.UseSqlite(connectionString).AddInterceptors(Pragmas, ChannelSecretsProtector.Instance);
            }
        });
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext());
        services.AddSingleton(database);
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Channel secrets, sign-in cookies and antiforgery tokens are protected with a key ring kept on disk, so they
        // survive restarts: beside the database unless Inbox:DataProtection says otherwise.
        KeyRing.Register(services, configuration, DataFolder(database.Provider, connectionString, contentRoot), contentRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseMigrator>();

        // The audit trail is written inside the callers' own units of work, so it lives with the database.
        services.AddSingleton<Audit.AuditLog>();
        return services;
    }

    /// <summary>
    /// The folder the app keeps its files in when no setting names another (key ring, media, SQLite's job storage):
    /// the SQLite file's folder, <c>data/</c> under the content root for PostgreSQL, null for an in-memory database.
    /// </summary>
    public static string? DataFolder(IConfiguration configuration, string contentRoot)
    {
        var provider = DatabaseOptions.From(configuration).Provider;
        return DataFolder(provider, ResolveConnectionString(provider, configuration.GetConnectionString("Inbox"), contentRoot), contentRoot);
    }

    private static string? DataFolder(DatabaseProvider provider, string connectionString, string contentRoot)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return Path.Combine(contentRoot, "data");
        }

        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source is ":memory:" or "" ? null : Path.GetDirectoryName(Path.GetFullPath(source))!;
    }

    /// <summary>For SQLite, makes a relative <c>Data Source</c> relative to the content root and creates its folder.</summary>
    public static string ResolveConnectionString(DatabaseProvider provider, string? configured, string contentRoot)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Inbox:Database:Provider is Postgres but ConnectionStrings:Inbox is empty: give it Host=…;Database=…;Username=…")
                : configured;
        }

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
