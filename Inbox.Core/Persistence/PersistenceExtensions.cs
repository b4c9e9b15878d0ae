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

    /// <summary>Registers the SQLite database (one context per operation) and its schema migrator.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = ResolveConnectionString(configuration.GetConnectionString("Inbox"), contentRoot);
        services.AddDbContextFactory<InboxDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SchemaMigrator>();

        // The audit trail is written inside the callers' own units of work, so it lives with the database.
        services.AddSingleton<Audit.AuditLog>();
        return services;
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
