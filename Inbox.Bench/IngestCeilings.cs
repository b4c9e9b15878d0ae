using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Bench;

/// <summary>The two ceilings the ingest figures are compared with, measured in the same run: storage and HTTP alone.</summary>
internal static class IngestCeilings
{
    /// <summary>
    /// Ceiling (a): what the disk and SQLite allow for the webhook store's one durable write per event: a fresh file in
    /// WAL mode, synchronous=FULL, one transaction per row, a row shaped like WebhookDeliveries with a typical body.
    /// </summary>
    public static async Task<double> SqliteAsync(int seconds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"inbox-bench-ceiling-{Guid.NewGuid():N}.db");
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = """
                    PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
                    CREATE TABLE WebhookDeliveries (Id INTEGER PRIMARY KEY AUTOINCREMENT, Platform INTEGER NOT NULL, ChannelId INTEGER NULL,
                        ReceivedAt TEXT NOT NULL, Body TEXT NOT NULL, State INTEGER NOT NULL, Attempts INTEGER NOT NULL, ProcessedAt TEXT NULL, Error TEXT NULL);
                    CREATE INDEX IX_WebhookDeliveries_State ON WebhookDeliveries (State, Id);
                    """;
                await setup.ExecuteNonQueryAsync();
            }

            var body = Encoding.UTF8.GetString(new Traffic(0).Next(new Random(1)).Body);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO WebhookDeliveries (Platform, ChannelId, ReceivedAt, Body, State, Attempts) VALUES (0, NULL, $at, $body, 0, 0)";
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            insert.Parameters.AddWithValue("$body", body);
            var rows = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                insert.Transaction = transaction;
                at.Value = DateTime.UtcNow.ToString("O");
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                rows++;
            }

            return rows / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Ceiling (b): a bare Kestrel endpoint that reads the body and answers 200, hammered exactly like the app.</summary>
    public static async Task<IngestRun> KestrelAsync(int concurrency, int seconds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var bare = builder.Build();
        async Task<IResult> Ok(HttpRequest request)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Text("EVENT_RECEIVED", "text/plain");
        }

        bare.MapPost("/webhooks/meta", Ok);
        bare.MapPost("/webhooks/line/{channelKey}", Ok);
        await bare.StartAsync();
        var address = new Uri(bare.Urls.First());
        using var http = IngestBenchmark.Client(concurrency);
        await IngestBenchmark.HammerAsync(http, [address], concurrency, TimeSpan.FromSeconds(1), new Traffic(0));
        var run = await IngestBenchmark.HammerAsync(http, [address], concurrency, TimeSpan.FromSeconds(seconds), new Traffic(0));
        await bare.StopAsync();
        return run;
    }
}
