namespace Inbox.Core.Persistence;

/// <summary>Where the PostgreSQL schema's own migrations live: written by <c>dotnet ef</c> against the same model as SQLite's.</summary>
public static class PostgresMigrations
{
    /// <summary>The assembly that holds them (the <c>Inbox.Core.Postgres</c> project), loaded by EF Core by name.</summary>
    public const string Assembly = "Inbox.Core.Postgres";

    /// <summary>Any 64-bit number the instances agree on: the session lock that lets one instance at a time migrate and seed.</summary>
    public const long StartupLockKey = 0x1AB0C5_0001;
}
