using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Inbox.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
    internal const string AppSecret = "bench-app-secret-0123456789";
    internal const string LineSecret = "bench-line-secret-0123456789";
    private const string ApiKey = "bench-agent-key-0123456789abcdef";
    internal const string PageId = "1040000000001";
    internal const string PhoneNumberId = "1090000000002";
    internal const string LineDestination = "Ubench00000000000000000000000003";
    internal const string LineKey = "bench-line";
    internal const string ProbePrefix = "m_PROBE";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var concurrency = Option(args, "--concurrency", 32);
        var hubClients = Option(args, "--hub-clients", 200);
        var ceilingSeconds = Option(args, "--ceiling-seconds", 5);
        var sampleEvery = Option(args, "--sample-every", 10);
        var rate = Option(args, "--rate", 1100);
        var warmUp = Option(args, "--warm-up", 2);

        var offered = rate > 0 ? $"offering {rate:N0} webhooks/s" : "as fast as they are answered";
        Console.WriteLine($"ingest: {seconds} s, {concurrency} concurrent senders {offered}, {hubClients} hub clients, {Environment.ProcessorCount} cores");

        // Ceilings first, each alone on the machine, so neither competes with the app.
        var sqliteCeiling = await IngestCeilings.SqliteAsync(ceilingSeconds);
        Console.WriteLine($"ceiling: bare SQLite insert (WAL, synchronous=FULL, 1 txn/row)  {sqliteCeiling,10:N0} inserts/s");
        var kestrelCeiling = await IngestCeilings.KestrelAsync(concurrency, ceilingSeconds);
        Console.WriteLine($"ceiling: bare Kestrel 200 ({concurrency} concurrent)                 {kestrelCeiling.PerSecond,10:N0} requests/s (p99 {kestrelCeiling.P(0.99):F1} ms)");

        await using var app = await InboxProcess.StartAsync(AppSettings(), build: WebBuild.ReleaseIfBuilt);
        Console.WriteLine($"Inbox.Web listening on {app.BaseUrl} ({app.DatabasePath})");
        using var http = Client(concurrency);

        var hubs = new List<HubArrivals>();
        var connecting = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, hubClients).Chunk(20))
        {
            hubs.AddRange(await Task.WhenAll(batch.Select(_ => HubArrivals.ConnectAsync(app.BaseUrl, ApiKey))));
        }

        Console.WriteLine($"{hubs.Count} hub clients connected in {connecting.Elapsed.TotalSeconds:F1} s");

        // Warm-up (JIT, connection pool, first conversations), not counted. A longer one (--warm-up 15) lets most of the
        // 6,000 customers start their conversations first, so the run measures returning customers only.
        await HammerAsync(http, app.BaseUrl, concurrency, TimeSpan.FromSeconds(warmUp), new Traffic(sampleEvery: 0), rate);
        while (await IngestDatabase.PendingAsync(app.DatabasePath) > 0)
        {
            await Task.Delay(100);
        }

        var traffic = new Traffic(sampleEvery);
        var processedBefore = await IngestDatabase.ProcessedAsync(app.DatabasePath);
        var cpuBefore = app.ProcessorTime;
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var origin = (Utc: DateTime.UtcNow, Ticks: Stopwatch.GetTimestamp());
        var run = await HammerAsync(http, app.BaseUrl, concurrency, TimeSpan.FromSeconds(seconds), traffic, rate);
        var appCpu = app.ProcessorTime - cpuBefore;
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore;
        var processedPerSecond = (await IngestDatabase.ProcessedAsync(app.DatabasePath) - processedBefore) / run.Elapsed.TotalSeconds;
        var backlogAtEnd = await IngestDatabase.PendingAsync(app.DatabasePath);

        // Let the worker finish what was acknowledged, so every sampled message has had its chance to reach the hubs.
        var draining = Stopwatch.StartNew();
        while (draining.Elapsed < TimeSpan.FromSeconds(120)
            && await IngestDatabase.PendingAsync(app.DatabasePath) > 0)
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
        var messageIds = await IngestDatabase.ProbeMessagesAsync(app.DatabasePath);

        // How much of the fan-out is the app's processing: POST start → the message recorded (its CreatedAt).
        var recorded = new List<double>();
        var quarters = Enumerable.Range(0, 4).Select(_ => new List<double>()).ToArray();
        foreach (var (_, (mid, createdAt)) in messageIds)
        {
            if (traffic.Probes.TryGetValue(mid, out var started))
            {
                var sinceStart = Stopwatch.GetElapsedTime(origin.Ticks, started);
                var ms = (createdAt - (origin.Utc + sinceStart)).TotalMilliseconds;
                recorded.Add(ms);
                quarters[Math.Clamp((int)(4 * sinceStart / run.Elapsed), 0, 3)].Add(ms);
            }
        }

        recorded.Sort();
        foreach (var quarter in quarters)
        {
            quarter.Sort();
        }
        var fanOut = new List<double>();
        var expected = 0;
        foreach (var hub in hubs)
        {
            var seen = new HashSet<long>();
            foreach (var (messageId, at) in hub.Arrivals)
            {
                if (messageIds.TryGetValue(messageId, out var probe) && traffic.Probes.TryGetValue(probe.Mid, out var started) && seen.Add(messageId))
                {
                    fanOut.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
                }
            }
        }

        expected = messageIds.Count * hubs.Count;
        fanOut.Sort();

        // Sustained: what was both acknowledged and turned into conversations while the load ran.
        var eventsPerSecond = Math.Min(run.PerSecond, processedPerSecond);
        var ackP99 = run.P(0.99);
        var fanP99 = Percentile(fanOut, 0.99);
        Console.WriteLine();
        Console.WriteLine($"sent {run.Sent:N0} webhooks in {run.Elapsed.TotalSeconds:F1} s: {traffic.Describe()}");
        Console.WriteLine($"acknowledged (200)      {run.Acknowledged,10:N0}    errors {run.Errors:N0}{run.ErrorSummary()}");
        Console.WriteLine($"acknowledged/s          {run.PerSecond,10:N0}");
        Console.WriteLine($"processed/s during load {processedPerSecond,10:N0}    (deliveries turned into conversations while the load ran)");
        Console.WriteLine($"events/s sustained      {eventsPerSecond,10:N0}    target >= 1,000          {Verdict(eventsPerSecond >= 1000)}");
        Console.WriteLine($"app CPU during load     {appCpu.TotalSeconds / run.Elapsed.TotalSeconds,10:F2} cores    {appCpu.TotalMilliseconds / Math.Max(1, run.Acknowledged),5:F2} ms per acknowledged webhook");
        Console.WriteLine($"bench CPU during load   {benchCpu.TotalSeconds / run.Elapsed.TotalSeconds,10:F2} cores    (senders and hub clients, on the same {Environment.ProcessorCount} cores)");
        Console.WriteLine($"ack latency p50         {run.P(0.50),10:F1} ms");
        Console.WriteLine($"ack latency p99         {ackP99,10:F1} ms  target <= 250 ms at {concurrency}   {Verdict(ackP99 <= 250)}");
        Console.WriteLine($"ack latency max         {run.P(1),10:F1} ms");
        Console.WriteLine($"processing backlog at end of load {backlogAtEnd:N0} deliveries, drained in {drained.TotalSeconds:F1} s");
        Console.WriteLine($"POST -> recorded p50    {Percentile(recorded, 0.50),10:F1} ms    (the app's processing part of the fan-out; p99 {Percentile(recorded, 0.99):F1} ms)");
        Console.WriteLine($"POST -> recorded p99 by quarter of the run: {string.Join(" / ", quarters.Select(q => Percentile(q, 0.99).ToString("F0", CultureInfo.InvariantCulture)))} ms");
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
        ["Logging__LogLevel__Default"] = "Warning",
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
    internal static HttpClient Client(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    /// <param name="rate">Webhooks per second offered by all senders together, on a fixed timetable; 0 sends as fast as they are answered.</param>
    internal static async Task<IngestRun> HammerAsync(HttpClient http, Uri baseUrl, int concurrency, TimeSpan duration, Traffic traffic, int rate = 0)
    {
        var runs = new IngestRun[concurrency];
        var issued = -1L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var run = runs[i] = new IngestRun();
            var random = new Random(i * 7919 + 1);
            while (clock.Elapsed < duration)
            {
                if (rate > 0)
                {
                    // The n-th webhook leaves at n / rate seconds; a sender that is late (all were busy) sends at once.
                    var due = TimeSpan.FromSeconds(Interlocked.Increment(ref issued) / (double)rate);
                    if (due >= duration)
                    {
                        break;
                    }

                    if (due - clock.Elapsed is { TotalMilliseconds: > 1 } wait)
                    {
                        await Task.Delay(wait);
                    }
                }

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
        var total = IngestRun.Merge(runs);
        total.Elapsed = clock.Elapsed;
        return total;
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
