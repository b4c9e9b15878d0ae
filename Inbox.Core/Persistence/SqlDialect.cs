using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Inbox.Core.Persistence;

/// <summary>
/// The few words hand-written SQL must say differently on SQLite and PostgreSQL. The SQL itself is written once, with
/// quoted identifiers (PostgreSQL folds unquoted names to lower case; SQLite accepts the quotes) and typed parameters
/// (PostgreSQL must know a NULL parameter's type), and asks this for the rest.
/// </summary>
public sealed class SqlDialect
{
    private static readonly SqlDialect SqliteDialect = new(false);
    private static readonly SqlDialect PostgresDialect = new(true);

    private SqlDialect(bool postgres) => IsPostgres = postgres;

    public bool IsPostgres { get; }

    public static SqlDialect For(DatabaseFacade database) => database.IsNpgsql() ? PostgresDialect : SqliteDialect;

    /// <summary>A parameter of the engine's own kind; null becomes a NULL of <paramref name="type"/>.</summary>
    public DbParameter Parameter(string name, object? value, DbType type)
    {
        DbParameter parameter = IsPostgres ? new NpgsqlParameter() : new SqliteParameter();
        (parameter.ParameterName, parameter.DbType, parameter.Value) = (name, type, value ?? DBNull.Value);
        return parameter;
    }

    /// <summary>
    /// SQLite's <c>INDEXED BY</c>: with optional filters written as "@x IS NULL OR …", its planner sometimes skip-scans
    /// another index and reads every row. PostgreSQL's planner needs no such pin (and has no such clause).
    /// </summary>
    public string IndexedBy(string index) => IsPostgres ? "" : $"INDEXED BY \"{index}\"";

    /// <summary>The UTC hour of an instant column as <c>yyyy-MM-dd HH</c> text (SQLite stores instants as that text already).</summary>
    public string UtcHour(string column) =>
        IsPostgres ? $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')" : $"substr({column}, 1, 13)";
}
