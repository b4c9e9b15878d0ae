using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Persistence;

/// <summary>
/// What the shared model says in SQLite's words and PostgreSQL needs in its own: the one place the two schemas differ
/// beyond column types. A boolean column's default is <c>0</c>/<c>1</c> in SQLite (which has no boolean type) and
/// <c>false</c>/<c>true</c> in PostgreSQL.
/// </summary>
internal static class PostgresModel
{
    public static void Adjust(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(bool) && property.GetDefaultValueSql() is { } sql)
            {
                property.SetDefaultValueSql(sql == "0" ? "false" : "true");
            }
        }
    }
}
