using System.Data.Common;
using System.Globalization;

namespace Inbox.Core.Persistence;

/// <summary>
/// The inbox's tables, columns, keys, indexes and triggers in a canonical text form, one line each, so two databases
/// can be compared line by line. Bookkeeping tables (migration history, the old script version table) and Quartz's
/// former job store are left out: they are not the inbox's schema.
/// </summary>
public static class SqliteSchema
{
    private const string OwnTables = """
        type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE '\_\_%' ESCAPE '\'
        AND name NOT LIKE 'QRTZ\_%' ESCAPE '\'
        """;

    /// <summary>Describes the database behind an open connection.</summary>
    public static IReadOnlyList<string> Describe(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var table in Column(connection, $"SELECT name FROM sqlite_master WHERE {OwnTables} ORDER BY name"))
        {
            lines.Add($"table {table}");
            lines.AddRange(Rows(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}') ORDER BY name")
                .Select(r => $"  {table} column {r}"));
            lines.AddRange(Rows(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"")
                .Select(r => $"  {table} fk {r}"));
            foreach (var index in Rows(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c' ORDER BY name"))
            {
                var name = index[..index.LastIndexOf(' ')];
                var columns = string.Join(",", Column(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno"));
                lines.Add($"  {table} index {index} ({columns})");
            }

            lines.AddRange(Column(connection, $"SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{table}' ORDER BY name")
                .Select(t => $"  {table} trigger {t}"));
        }

        return lines;
    }

    private static List<string> Column(DbConnection connection, string sql) => Rows(connection, sql);

    private static List<string> Rows(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
