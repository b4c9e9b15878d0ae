using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Bench;

/// <summary>
/// <c>ingest</c>: the real Inbox.Web process on a fresh SQLite file, hammered over loopback HTTP with signed
/// webhooks (Messenger, WhatsApp messages and statuses, LINE, redeliveries) by N concurrent senders, while H hub
/// clients listen on <c>/hubs/inbox</c>. Prints the acknowledged events/s, acknowledgement latency, fan-out latency,
/// and two ceilings measured in the same run: a bare SQLite insert loop with the webhook store's durability, and a
/// bare Kestrel endpoint answering 200 to the same client and concurrency.
/// </summary>
public static class IngestBenchmark
{
    private const string AppSecret = "bench-app-secret-0123456789";
    private const string LineSecret = "bench-line-secret-0123456789";
    private const string ApiKey = "bench-agent-key-0123456789abcdef";
    private const string PageId = "1040000000001";
    private const string PhoneNumberId = "1090000000002";
    private const string LineDestination = "Ubench00000000000000000000000003";
    private const string LineKey = "bench-line";
    private const string ProbePrefix = "m_PROBE";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var concurrency = Option(args, "--concurrency", 32);
        var hubClients = Option(args, "--hub-clients", 200);
        var ceilingSeconds = Option(args, "--ceiling-seconds", 5);
        var sampleEvery = Option(args, "--sample-every", 10);

        Console.WriteLine($"ingest: {seconds} s, {concurrency} concurrent senders, {hubClients} hub clients, {Environment.ProcessorCount} cores");

        // Ceilings first, each alone on the machine, so neither competes with the app.
        var sqliteCeiling = await SqliteCeilingAsync(ceilingSeconds);
        Console.WriteLine($"ceiling: bare SQLite insert (WAL, synchronous=FULL, 1 txn/row)  {sqliteCeiling,10:N0} inserts/s");
        var kestrelCeiling = await KestrelCeilingAsync(concurrency, ceilingSeconds);
        Console.WriteLine($"ceiling: bare Kestrel 200 ({concurrency} concurrent)                 {kestrelCeiling.PerSecond,10:N0} requests/s (p99 {kestrelCeiling.P(0.99):F1} ms)");

        await using var app = await BenchApp.StartAsync(AppSettings());
        Console.WriteLine($"Inbox.Web listening on {app.BaseUrl} ({app.DatabasePath})");
        using var http = Client(concurrency);

        using var hubHttp = new HttpClient();
        var hubs = new List<BenchHubClient>();
        var connecting = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, hubClients).Chunk(20))
        {
            hubs.AddRange(await Task.WhenAll(batch.Select(_ => BenchHubClient.ConnectAsync(hubHttp, app.BaseUrl, ApiKey))));
        }

        Console.WriteLine($"{hubs.Count} hub clients connected in {connecting.Elapsed.TotalSeconds:F1} s");

        // Warm-up (JIT, connection pool, first conversations), not counted.
        await HammerAsync(http, app.BaseUrl, concurrency, TimeSpan.FromSeconds(2), new Traffic(sampleEvery: 0));

        var traffic = new Traffic(sampleEvery);
        var run = await HammerAsync(http, app.BaseUrl, concurrency, TimeSpan.FromSeconds(seconds), traffic);
        var backlogAtEnd = await ScalarAsync(app.DatabasePath, "SELECT COUNT(*) FROM WebhookDeliveries WHERE State IN (0, 'Pending')");

        // Let the worker finish what was acknowledged, so every sampled message has had its chance to reach the hubs.
        var draining = Stopwatch.StartNew();
        while (draining.Elapsed < TimeSpan.FromSeconds(120)
            && await ScalarAsync(app.DatabasePath, "SELECT COUNT(*) FROM WebhookDeliveries WHERE State IN (0, 'Pending')") > 0)
        {
            await Task.Delay(250);
        }

        var drained = draining.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }

        // Matching a hub event to its POST: the event carries conversationId and messageId, not the platform mid. Each
        // sampled post has a unique mid (m_PROBE…); after the run the app's own Messages table maps that mid to the
        // message id it assigned (PlatformMessageId is unique per channel, so the mapping is exact), and each client's
        // arrival of that message id is compared with the POST's start. Nothing depends on arrival order or on which
        // conversation a message landed in, and concurrent non-sampled traffic cannot be mistaken for a sample.
        var messageIds = await ProbeMessageIdsAsync(app.DatabasePath);
        var fanOut = new List<double>();
        var expected = 0;
        foreach (var hub in hubs)
        {
            var seen = new HashSet<long>();
            foreach (var (messageId, at) in hub.Arrivals)
            {
                if (messageIds.TryGetValue(messageId, out var mid) && traffic.Probes.TryGetValue(mid, out var started) && seen.Add(messageId))
                {
                    fanOut.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
                }
            }
        }

        expected = messageIds.Count * hubs.Count;
        fanOut.Sort();

        var eventsPerSecond = run.PerSecond;
        var ackP99 = run.P(0.99);
        var fanP99 = Percentile(fanOut, 0.99);
        Console.WriteLine();
        Console.WriteLine($"sent {run.Sent:N0} webhooks in {run.Elapsed.TotalSeconds:F1} s: {traffic.Describe()}");
        Console.WriteLine($"acknowledged (200)      {run.Acknowledged,10:N0}    errors {run.Errors:N0}{run.ErrorSummary()}");
        Console.WriteLine($"events/s sustained      {eventsPerSecond,10:N0}    target >= 1,000          {Verdict(eventsPerSecond >= 1000)}");
        Console.WriteLine($"ack latency p50         {run.P(0.50),10:F1} ms");
        Console.WriteLine($"ack latency p99         {ackP99,10:F1} ms  target <= 250 ms at {concurrency}   {Verdict(ackP99 <= 250)}");
        Console.WriteLine($"ack latency max         {run.P(1),10:F1} ms");
        Console.WriteLine($"processing backlog at end of load {backlogAtEnd:N0} deliveries, drained in {drained.TotalSeconds:F1} s");
        Console.WriteLine($"fan-out samples         {fanOut.Count,10:N0} of {expected:N0} expected ({messageIds.Count} sampled messages x {hubs.Count} clients; {traffic.Probes.Count} sampled posts acknowledged)");
        Console.WriteLine($"fan-out latency p50     {Percentile(fanOut, 0.50),10:F1} ms");
        Console.WriteLine($"fan-out latency p99     {fanP99,10:F1} ms  target <= 1,000 ms to {hubClients}  {Verdict(fanOut.Count > 0 && fanOut.Count == expected && fanP99 <= 1000)}");
        Console.WriteLine($"fan-out latency max     {Percentile(fanOut, 1),10:F1} ms");
        Console.WriteLine($"Inbox events/s as a fraction of the SQLite insert ceiling  {eventsPerSecond / sqliteCeiling,6:P1}");
        Console.WriteLine($"Inbox events/s as a fraction of the Kestrel 200 ceiling    {eventsPerSecond / kestrelCeiling.PerSecond,6:P1}");
        return 0;
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";

    private static Dictionary<string, string> AppSettings() => new()
    {
        ["Inbox__Demo__Enabled"] = "false",
        ["Meta__AppSecret"] = AppSecret,
        ["Inbox__Channels__0__Key"] = "bench-fb",
        ["Inbox__Channels__0__Kind"] = "Messenger",
        ["Inbox__Channels__0__Name"] = "Bench Page",
        ["Inbox__Channels__0__ExternalId"] = PageId,
        ["Inbox__Channels__0__AccessToken"] = "EAAB-bench",
        ["Inbox__Channels__1__Key"] = "bench-wa",
        ["Inbox__Channels__1__Kind"] = "WhatsApp",
        ["Inbox__Channels__1__Name"] = "Bench WhatsApp",
        ["Inbox__Channels__1__ExternalId"] = PhoneNumberId,
        ["Inbox__Channels__1__AccessToken"] = "EAAB-bench-wa",
        ["Inbox__Channels__2__Key"] = LineKey,
        ["Inbox__Channels__2__Kind"] = "Line",
        ["Inbox__Channels__2__Name"] = "Bench LINE",
        ["Inbox__Channels__2__ExternalId"] = LineDestination,
        ["Inbox__Channels__2__AccessToken"] = "line-bench-token",
        ["Inbox__Channels__2__ChannelSecret"] = LineSecret,
        ["Inbox__ApiKeys__0__Name"] = "bench",
        ["Inbox__ApiKeys__0__Key"] = ApiKey,
        ["Inbox__ApiKeys__0__Role"] = "Agent",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>The one client setup used for the app and for the Kestrel ceiling: one pooled connection per sender.</summary>
    private static HttpClient Client(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<Run> HammerAsync(HttpClient http, Uri baseUrl, int concurrency, TimeSpan duration, Traffic traffic)
    {
        var runs = new Run[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var run = runs[i] = new Run();
            var random = new Random(i * 7919 + 1);
            while (clock.Elapsed < duration)
            {
                var post = traffic.Next(random);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, post.Path)) { Content = new ByteArrayContent(post.Body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.TryAddWithoutValidation(post.Header, post.Signature);
                var started = Stopwatch.GetTimestamp();
                run.Sent++;
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.LoadIntoBufferAsync();
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        run.Acknowledged++;
                        run.Latencies.Add(ms);
                        traffic.Acknowledged(post, started);
                    }
                    else
                    {
                        run.Error(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    run.Error(e.GetType().Name);
                }
            }
        })));
        var total = Run.Merge(runs);
        total.Elapsed = clock.Elapsed;
        return total;
    }

    /// <summary>
    /// Ceiling (a): what the disk and SQLite allow for the webhook store's one durable write per event: a fresh file in
    /// WAL mode, synchronous=FULL, one transaction per row, a row shaped like WebhookDeliveries with a typical body.
    /// </summary>
    private static async Task<double> SqliteCeilingAsync(int seconds)
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
    private static async Task<Run> KestrelCeilingAsync(int concurrency, int seconds)
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
        using var http = Client(concurrency);
        await HammerAsync(http, address, concurrency, TimeSpan.FromSeconds(1), new Traffic(0));
        var run = await HammerAsync(http, address, concurrency, TimeSpan.FromSeconds(seconds), new Traffic(0));
        await bare.StopAsync();
        return run;
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Message id → platform mid for every sampled post the app stored.</summary>
    private static async Task<Dictionary<long, string>> ProbeMessageIdsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, PlatformMessageId FROM Messages WHERE PlatformMessageId LIKE '{ProbePrefix}%'";
        var map = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            map[reader.GetInt64(0)] = reader.GetString(1);
        }

        return map;
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private sealed record Post(string Path, byte[] Body, string Header, string Signature, string Kind, string? ProbeMid);

    private sealed class Run
    {
        private readonly Dictionary<string, int> errors = [];

        public List<double> Latencies { get; private set; } = new(64 * 1024);

        public long Sent { get; set; }

        public long Acknowledged { get; set; }

        public long Errors { get; private set; }

        public TimeSpan Elapsed { get; set; }

        public double PerSecond => Acknowledged / Elapsed.TotalSeconds;

        public static Run Merge(IEnumerable<Run> runs)
        {
            var total = new Run();
            foreach (var run in runs)
            {
                total.Sent += run.Sent;
                total.Acknowledged += run.Acknowledged;
                total.Latencies.AddRange(run.Latencies);
                foreach (var (kind, count) in run.errors)
                {
                    total.errors[kind] = total.errors.GetValueOrDefault(kind) + count;
                    total.Errors += count;
                }
            }

            total.Latencies.Sort();
            return total;
        }

        public void Error(string kind)
        {
            errors[kind] = errors.GetValueOrDefault(kind) + 1;
            Errors++;
        }

        public double P(double p) => Percentile(Latencies, p);

        public string ErrorSummary() => errors.Count == 0 ? "" : " (" + string.Join(", ", errors.Select(e => $"{e.Key}: {e.Value}")) + ")";
    }

    /// <summary>
    /// The mix: new Messenger messages 50 %, WhatsApp messages 20 %, WhatsApp statuses 15 %, LINE messages 10 %,
    /// redeliveries of already acknowledged bodies (same bytes, same signature) 5 %. Customers come from a pool of
    /// 2,000 per channel, so conversations both start and continue. Every <c>sampleEvery</c>-th new Messenger
    /// message is a fan-out probe with a recognisable mid.
    /// </summary>
    private sealed class Traffic(int sampleEvery)
    {
        private const int Customers = 2000;
        private readonly Post[] recent = new Post[4096];
        private readonly Dictionary<string, long> counts = [];
        private long sequence;
        private long recentCount;

        /// <summary>Sampled mid → Stopwatch timestamp at which its POST started (acknowledged ones only).</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, long> Probes { get; } = new();

        public Post Next(Random random)
        {
            var n = Interlocked.Increment(ref sequence);
            var roll = random.Next(100);
            var post = roll switch
            {
                < 50 => Messenger(random, n),
                < 70 => WhatsAppMessage(random, n),
                < 85 => WhatsAppStatus(random, n),
                < 95 => Line(random, n),
                _ => Redelivery(random) ?? Messenger(random, n),
            };
            lock (counts)
            {
                counts[post.Kind] = counts.GetValueOrDefault(post.Kind) + 1;
            }

            return post;
        }

        public void Acknowledged(Post post, long started)
        {
            if (post.ProbeMid is not null)
            {
                Probes.TryAdd(post.ProbeMid, started);
            }

            if (post.Kind != "redelivery")
            {
                var slot = Interlocked.Increment(ref recentCount) % recent.Length;
                Volatile.Write(ref recent[slot], post with { Kind = "redelivery", ProbeMid = null });
            }
        }

        public string Describe()
        {
            lock (counts)
            {
                var total = (double)counts.Values.Sum();
                return string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value / total:P0}"));
            }
        }

        private Post? Redelivery(Random random)
        {
            var available = Math.Min(Volatile.Read(ref recentCount), recent.Length);
            return available == 0 ? null : Volatile.Read(ref recent[random.NextInt64(1, available + 1) % recent.Length]);
        }

        private Post Messenger(Random random, long n)
        {
            var probe = sampleEvery > 0 && n % sampleEvery == 0;
            var mid = (probe ? ProbePrefix : "m_BENCH") + n.ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N");
            var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var psid = "2600000" + random.Next(Customers).ToString("D6", CultureInfo.InvariantCulture);
            var body = $$$"""{"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{ms}}},"messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{ms}}},"message":{"mid":"{{{mid}}}","text":"Hello, is my order {{{n}}} on its way? It was due yesterday."}}]}]}""";
            return Meta(body, "messenger", probe ? mid : null);
        }

        private static Post WhatsAppMessage(Random random, long n)
        {
            var waId = "6681" + random.Next(Customers).ToString("D7", CultureInfo.InvariantCulture);
            var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var body = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"bench-waba","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"{{{PhoneNumberId}}}"},"contacts":[{"profile":{"name":"Customer {{{waId}}}"},"wa_id":"{{{waId}}}"}],"messages":[{"from":"{{{waId}}}","id":"wamid.BENCH{{{n}}}{{{Guid.NewGuid():N}}}","timestamp":"{{{seconds}}}","type":"text","text":{"body":"Can I change the delivery address for order {{{n}}}?"}}]}}]}]}""";
            return Meta(body, "whatsapp", null);
        }

        /// <summary>A status callback for an outbound message this app never sent: the processor looks it up and finds nothing.</summary>
        private static Post WhatsAppStatus(Random random, long n)
        {
            var waId = "6681" + random.Next(Customers).ToString("D7", CultureInfo.InvariantCulture);
            var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var status = (n % 3) switch { 0 => "sent", 1 => "delivered", _ => "read" };
            var body = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"bench-waba","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"{{{PhoneNumberId}}}"},"statuses":[{"id":"wamid.OUT{{{n}}}","status":"{{{status}}}","timestamp":"{{{seconds}}}","recipient_id":"{{{waId}}}"}]}}]}]}""";
            return Meta(body, "whatsapp-status", null);
        }

        private static Post Line(Random random, long n)
        {
            var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var userId = "U" + random.Next(Customers).ToString("D32", CultureInfo.InvariantCulture);
            var id = Guid.NewGuid().ToString("N");
            var body = Encoding.UTF8.GetBytes($$$"""{"destination":"{{{LineDestination}}}","events":[{"type":"message","mode":"active","timestamp":{{{ms}}},"source":{"type":"user","userId":"{{{userId}}}"},"webhookEventId":"BENCH{{{id}}}","deliveryContext":{"isRedelivery":false},"replyToken":"{{{id}}}","message":{"id":"{{{ms}}}{{{n}}}","type":"text","text":"Is the shop open on Sunday?"}}]}""");
            return new Post($"/webhooks/line/{LineKey}", body, "x-line-signature", LineSignature.Sign(body, LineSecret), "line", null);
        }

        private static Post Meta(string json, string kind, string? probeMid)
        {
            var body = Encoding.UTF8.GetBytes(json);
            return new Post("/webhooks/meta", body, "X-Hub-Signature-256", MetaSignature.Sign(body, AppSecret), kind, probeMid);
        }
    }
}
