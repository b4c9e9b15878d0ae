using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Inbox.Bench;

/// <summary>What the ingest benchmark reads from the app's database file, read-only, while and after the app runs.</summary>
internal static class IngestDatabase
{
    /// <summary>Deliveries acknowledged but not yet turned into conversations.</summary>
    public static Task<long> PendingAsync(string database) =>
        ScalarAsync(database, "SELECT COUNT(*) FROM WebhookDeliveries WHERE State = 'Pending'");

    public static Task<long> ProcessedAsync(string database) =>
        ScalarAsync(database, "SELECT COUNT(*) FROM WebhookDeliveries WHERE State = 'Processed'");

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Message id → platform mid and recording time for every sampled post the app stored.</summary>
    public static async Task<Dictionary<long, (string Mid, DateTime CreatedAt)>> ProbeMessagesAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, PlatformMessageId, CreatedAt FROM Messages WHERE PlatformMessageId LIKE '{IngestBenchmark.ProbePrefix}%'";
        var map = new Dictionary<long, (string, DateTime)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var createdAt = DateTime.SpecifyKind(DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
            map[reader.GetInt64(0)] = (reader.GetString(1), createdAt);
        }

        return map;
    }
}
