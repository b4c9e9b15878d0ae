using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Inbox.Bench;

/// <summary>What the ingest benchmark reads from the app's database, SQLite file or PostgreSQL, while and after the app runs.</summary>
internal sealed class IngestDatabase
{
    private readonly Func<DbConnection> open;
    private readonly bool postgres;

    private IngestDatabase(Func<DbConnection> open, bool postgres) => (this.open, this.postgres) = (open, postgres);

    /// <summary>The app's SQLite file, read-only.</summary>
    public static IngestDatabase Sqlite(string path) => new(() => new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"), postgres: false);

    public static IngestDatabase Postgres(string connectionString) => new(() => new NpgsqlConnection(connectionString), postgres: true);

    /// <summary>Deliveries acknowledged but not yet turned into conversations.</summary>
    public Task<long> PendingAsync() => ScalarAsync($"SELECT COUNT(*) FROM {Q("WebhookDeliveries")} WHERE {Q("State")} = 'Pending'");

    public Task<long> ProcessedAsync() => ScalarAsync($"SELECT COUNT(*) FROM {Q("WebhookDeliveries")} WHERE {Q("State")} = 'Processed'");

    /// <summary>Message id → platform mid and recording time for every sampled post the app stored.</summary>
    public async Task<Dictionary<long, (string Mid, DateTime CreatedAt)>> ProbeMessagesAsync()
    {
        await using var connection = open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Q("Id")}, {Q("PlatformMessageId")}, {Q("CreatedAt")} FROM {Q("Messages")} WHERE {Q("PlatformMessageId")} LIKE '{IngestBenchmark.ProbePrefix}%'";
        var map = new Dictionary<long, (string, DateTime)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var createdAt = postgres
                ? DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)
                : DateTime.SpecifyKind(DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
            map[reader.GetInt64(0)] = (reader.GetString(1), createdAt);
        }

        return map;
    }

    private string Q(string name) => postgres ? $"\"{name}\"" : name;

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
