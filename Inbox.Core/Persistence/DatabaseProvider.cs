namespace Inbox.Core.Persistence;

/// <summary>The database engine behind <c>ConnectionStrings:Inbox</c> (<c>Inbox:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app: the default, for one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server that several instances share.</summary>
    Postgres,
}
