using Microsoft.Data.Sqlite;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// A database made by the former hand-written schema scripts (0001–0008) and the demo seeder, loaded from its dump
/// (<c>Persistence/Fixtures/legacy-v8.sql</c>): conversations 1, 7, 15 and 25 with their messages, the four demo logins.
/// </summary>
public static class ScriptedDatabase
{
    /// <summary>A message of conversation 1 (Maria Gonzalez, Messenger).</summary>
    public const string MariasQuestion = "Hi! Do you ship to Canada?";

    /// <summary>Writes the database into a new file behind <paramref name="connectionString"/>.</summary>
    public static void LoadInto(string connectionString)
    {
        var dump = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", "legacy-v8.sql"));
        Execute(connectionString, dump);
    }

    /// <summary>Runs SQL on the file outside the app, as an operator with the sqlite3 shell would.</summary>
    public static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of a query's rows.</summary>
    public static List<string> Query(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
