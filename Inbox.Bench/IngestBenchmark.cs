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
    internal const string ApiKey = "bench-agent-key-0123456789abcdef";
    internal const string PageId = "1040000000001";
    internal const string PhoneNumberId = "1090000000002";
    internal const string LineDestination = "Ubench00000000000000000000000003";
    internal const string LineKey = "bench-line";
    internal const string ProbePrefix = "m_PROBE";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new IngestOptions(
            Option(args, "--seconds", 20), Option(args, "--concurrency", 32), Option(args, "--hub-clients", 200),
            Option(args, "--sample-every", 10), Option(args, "--rate", 1100), Option(args, "--warm-up", 2));
        var ceilingSeconds = Option(args, "--ceiling-seconds", 5);
        var reference = Text(args, "--reference");
        List<IngestSetup> setups = args.Contains("--compare")
            ? [new("Sqlite", 1), new("Postgres", 1), new("Postgres", 2)]
            : [new(Text(args, "--provider") ?? "Sqlite", Option(args, "--instances", 1))];
        if (setups.Exists(s => s.Instances > 1 && !s.Postgres) || setups.Exists(s => s.Instances < 1))
        {
            Console.Error.WriteLine("Several instances share one database: --instances above 1 needs --provider Postgres.");
            return 2;
        }

        if (reference is not null)
        {
            // Another checkout's Inbox.Web (built in Release), on SQLite alone: the same load on the build compared with.
            setups.Insert(0, new IngestSetup("Sqlite", 1, Path.GetFullPath(reference)));
        }

        var offered = options.Rate > 0 ? $"offering {options.Rate:N0} webhooks/s" : "as fast as they are answered";
        Console.WriteLine($"ingest: {options.Seconds} s, {options.Concurrency} concurrent senders {offered}, {options.HubClients} hub clients, {Environment.ProcessorCount} cores");

        // Ceilings first, each alone on the machine, so neither competes with the app.
        var sqliteCeiling = await IngestCeilings.SqliteAsync(ceilingSeconds);
        Console.WriteLine($"ceiling: bare SQLite insert (WAL, synchronous=FULL, 1 txn/row)  {sqliteCeiling,10:N0} inserts/s");
        var kestrelCeiling = await IngestCeilings.KestrelAsync(options.Concurrency, ceilingSeconds);
        Console.WriteLine($"ceiling: bare Kestrel 200 ({options.Concurrency} concurrent)                 {kestrelCeiling.PerSecond,10:N0} requests/s (p99 {kestrelCeiling.P(0.99):F1} ms)");

        var results = new List<IngestFigures>();
        foreach (var setup in setups)
        {
            results.Add(await IngestScenario.RunAsync(setup, options));
        }

        Console.WriteLine();
        PrintTable(results, options, sqliteCeiling);
        return 0;
    }

    /// <summary>One column per setup, one row per figure, with the targets' verdicts.</summary>
    private static void PrintTable(List<IngestFigures> results, IngestOptions options, double sqliteCeiling)
    {
        void Row(string name, Func<IngestFigures, string> value) =>
            Console.WriteLine($"{name,-34}" + string.Concat(results.Select(r => $"{value(r),24}")));

        Row("", r => r.Setup.Label);
        Row("acknowledged/s", r => $"{r.Acknowledged:N0}");
        Row("processed/s during load", r => $"{r.Processed:N0}");
        // The goals: processed during the load, not only acknowledged, at 2,000 events/s and at least 30 % of what a bare
        // SQLite insert loop with the store's durability does on the same machine in the same run.
        Row("events/s sustained (>= 2,000)", r => $"{r.Sustained:N0} {Verdict(r.Sustained >= 2000)}");
        Row("of the SQLite ceiling (>= 30 %)", r => $"{r.Sustained / sqliteCeiling:P0} {Verdict(r.Sustained >= 0.3 * sqliteCeiling)}");
        Row("ack p50 / p99 ms (p99 <= 100)", r => $"{r.AckP50:F1} / {r.AckP99:F1} {Verdict(r.AckP99 <= 100)}");
        Row("POST -> recorded p50 / p99 ms", r => $"{r.RecordedP50:F0} / {r.RecordedP99:F0}");
        Row($"fan-out p50 / p99 ms (p99 <= 1 s)", r => $"{r.FanOutP50:F0} / {r.FanOutP99:F0} {Verdict(r.FanOutSamples > 0 && r.FanOutSamples == r.FanOutExpected && r.FanOutP99 <= 1000)}");
        Row($"fan-out samples ({options.HubClients} clients)", r => $"{r.FanOutSamples:N0} of {r.FanOutExpected:N0}");
        Row("app CPU, cores (all instances)", r => $"{r.AppCores:F2}");
        Row("app CPU per webhook, ms", r => $"{r.AppMsPerWebhook:F2}");
        Row("PostgreSQL + Redis CPU, cores", r => $"{r.OtherCores:F2}");
        Row("errors", r => $"{r.Errors:N0} of {r.Sent:N0}");
        Row("backlog drained after load, s", r => $"{r.DrainedSeconds:F1}");
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";

    internal static Dictionary<string, string> AppSettings() => new()
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

        // The processor's stage lines, which the benchmark sums (IngestStageTotals).
        ["Logging__LogLevel__Inbox.Core.Channels.Inbound.IngestStages"] = "Information",
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
    /// <param name="baseUrls">The instances: sender i posts to instance i mod N.</param>
    internal static async Task<IngestRun> HammerAsync(HttpClient http, IReadOnlyList<Uri> baseUrls, int concurrency, TimeSpan duration, Traffic traffic, int rate = 0)
    {
        var runs = new IngestRun[concurrency];
        var issued = -1L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var run = runs[i] = new IngestRun();
            var baseUrl = baseUrls[i % baseUrls.Count];
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
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
