namespace Inbox.Core.Persistence;

/// <summary>Which engine holds the inbox (<c>Inbox:Database</c>); the connection string is <c>ConnectionStrings:Inbox</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Inbox:Database";

    /// <summary>
    /// <see cref="DatabaseProvider.Sqlite"/> (default) or <see cref="DatabaseProvider.Postgres"/>. PostgreSQL is what
    /// lets several instances serve one inbox; with it, Hangfire keeps its jobs in the same database.
    /// </summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Reads the section without the options pipeline: persistence is registered before any of it is built.</summary>
    public static DatabaseOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        Microsoft.Extensions.Configuration.ConfigurationBinder.Get<DatabaseOptions>(configuration.GetSection(Section)) ?? new DatabaseOptions();
}
