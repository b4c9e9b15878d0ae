using System.Diagnostics;
using System.Globalization;
using Inbox.Testing;

namespace Inbox.Bench;

/// <summary>
/// One setup of the ingest benchmark: starts its database (a SQLite file, or a throwaway PostgreSQL cluster that
/// flushes to disk like a production one), a redis-server when several instances share the work, and the instances;
/// spreads the hub clients and the senders over the instances (sender i always posts to instance i mod N, as a
/// balancer keeping connections would); and measures as <see cref="IngestBenchmark"/> describes.
/// </summary>
internal static class IngestScenario
{
    public static async Task<IngestFigures> RunAsync(IngestSetup setup, IngestOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"== {setup.Label}");
        await using var postgres = setup.Postgres ? await PostgresServer.StartAsync(durable: true) : null;
        await using var redis = setup.Instances > 1 ? await RedisServer.StartAsync() : null;
        var keys = Directory.CreateTempSubdirectory("inbox-bench-keys-").FullName;
        var connectionString = postgres?.ConnectionString(PostgresServer.NewDatabase());
        var apps = new List<InboxProcess>();
        try
        {
            // Together: the start-up lock lets one migrate and seed while the others wait.
            apps.AddRange(await Task.WhenAll(Enumerable.Range(0, setup.Instances).Select(i =>
                InboxProcess.StartAsync(Settings(setup, i, connectionString, redis, keys), build: WebBuild.ReleaseIfBuilt, webProject: setup.WebProject))));
            var database = connectionString is null ? IngestDatabase.Sqlite(apps[0].DatabasePath) : IngestDatabase.Postgres(connectionString);
            var urls = apps.Select(a => a.BaseUrl).ToList();
            Console.WriteLine($"Inbox.Web listening on {string.Join(", ", urls)}");
            return await MeasureAsync(setup, options, urls, database, apps, [postgres?.ProcessId ?? 0, redis?.ProcessId ?? 0]);
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            Directory.Delete(keys, recursive: true);
        }
    }

    private static async Task<IngestFigures> MeasureAsync(IngestSetup setup, IngestOptions options, List<Uri> urls, IngestDatabase database, List<InboxProcess> apps, int[] servers)
    {
        using var http = IngestBenchmark.Client(options.Concurrency);
        var hubs = new List<HubArrivals>();
        foreach (var batch in Enumerable.Range(0, options.HubClients).Chunk(20))
        {
            hubs.AddRange(await Task.WhenAll(batch.Select(i => HubArrivals.ConnectAsync(urls[i % urls.Count], IngestBenchmark.ApiKey))));
        }

        // Warm-up (JIT, connection pool, first conversations), not counted.
        await IngestBenchmark.HammerAsync(http, urls, options.Concurrency, TimeSpan.FromSeconds(options.WarmUp), new Traffic(sampleEvery: 0), options.Rate);
        while (await database.PendingAsync() > 0)
        {
            await Task.Delay(100);
        }

        var traffic = new Traffic(options.SampleEvery);
        var processedBefore = await database.ProcessedAsync();
        var appCpuBefore = Sum(apps.Select(a => a.ProcessorTime));
        var serversCpuBefore = Sum(servers.Select(ProcessTreeCpu));
        var logsBefore = apps.Select(a => a.Output.Length).ToList();
        var origin = (Utc: DateTime.UtcNow, Ticks: Stopwatch.GetTimestamp());
        var run = await IngestBenchmark.HammerAsync(http, urls, options.Concurrency, TimeSpan.FromSeconds(options.Seconds), traffic, options.Rate);
        var appCpu = Sum(apps.Select(a => a.ProcessorTime)) - appCpuBefore;
        var serversCpu = Sum(servers.Select(ProcessTreeCpu)) - serversCpuBefore;
        var processedPerSecond = (await database.ProcessedAsync() - processedBefore) / run.Elapsed.TotalSeconds;

        var draining = Stopwatch.StartNew();
        while (draining.Elapsed < TimeSpan.FromSeconds(120) && await database.PendingAsync() > 0)
        {
            await Task.Delay(250);
        }

        var drained = draining.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stageTotals = IngestStageTotals.Parse(apps.Select((a, i) => a.Output[logsBefore[i]..]));
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }

        // A hub event carries the message id; the app's Messages table maps each sampled post's unique mid to it.
        var messageIds = await database.ProbeMessagesAsync();
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

        var fanOut = new List<double>();
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

        recorded.Sort();
        fanOut.Sort();
        foreach (var quarter in quarters)
        {
            quarter.Sort();
        }

        var seconds = run.Elapsed.TotalSeconds;
        var figures = new IngestFigures(
            setup, run.PerSecond, processedPerSecond, run.P(0.50), run.P(0.99),
            IngestBenchmark.Percentile(recorded, 0.50), IngestBenchmark.Percentile(recorded, 0.99),
            IngestBenchmark.Percentile(fanOut, 0.50), IngestBenchmark.Percentile(fanOut, 0.99), fanOut.Count, messageIds.Count * hubs.Count,
            appCpu.TotalSeconds / seconds, appCpu.TotalMilliseconds / Math.Max(1, run.Acknowledged), serversCpu.TotalSeconds / seconds,
            run.Errors, run.Sent, drained.TotalSeconds);
        Console.WriteLine($"sent {run.Sent:N0} webhooks in {seconds:F1} s: {traffic.Describe()}");
        Console.WriteLine($"acknowledged {run.Acknowledged:N0} ({run.PerSecond:N0}/s), errors {run.Errors:N0}{run.ErrorSummary()}; processed/s during load {processedPerSecond:N0}; backlog drained in {drained.TotalSeconds:F1} s");
        Console.WriteLine($"ack p50/p99 {figures.AckP50:F1}/{figures.AckP99:F1} ms; POST -> recorded p50/p99 {figures.RecordedP50:F1}/{figures.RecordedP99:F1} ms; fan-out p50/p99 {figures.FanOutP50:F1}/{figures.FanOutP99:F1} ms ({fanOut.Count:N0} of {figures.FanOutExpected:N0})");
        Console.WriteLine($"POST -> recorded p99 by quarter of the run: {string.Join(" / ", quarters.Select(q => IngestBenchmark.Percentile(q, 0.99).ToString("F0", CultureInfo.InvariantCulture)))} ms");
        Console.WriteLine($"CPU: apps {figures.AppCores:F2} cores ({figures.AppMsPerWebhook:F2} ms per webhook), database and Redis servers {figures.OtherCores:F2} cores");
        Console.WriteLine($"processing by stage (load and drain): {stageTotals.Describe()}");
        return figures;
    }

    private static Dictionary<string, string> Settings(IngestSetup setup, int instance, string? connectionString, RedisServer? redis, string keys)
    {
        var settings = IngestBenchmark.AppSettings();
        settings["Inbox__DataProtection__KeysPath"] = keys;
        if (connectionString is not null)
        {
            settings["Inbox__Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Inbox"] = connectionString;
            settings["Inbox__Cluster__InstanceName"] = ((char)('A' + instance)).ToString();
        }

        if (redis is not null)
        {
            settings["ConnectionStrings__Redis"] = redis.ConnectionString;
        }

        return settings;
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> times) => times.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    /// <summary>CPU used so far by a server process and its children (PostgreSQL's backends), from <c>/proc</c>; zero for none.</summary>
    private static TimeSpan ProcessTreeCpu(int pid)
    {
        if (pid <= 0)
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                var text = File.ReadAllText(stat);
                // After the command name in parentheses: state, ppid, ... utime (14th field) and stime (15th).
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                var self = int.Parse(Path.GetFileName(Path.GetDirectoryName(stat))!, CultureInfo.InvariantCulture);
                if (self == pid || int.Parse(fields[1], CultureInfo.InvariantCulture) == pid)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process, or it ended meanwhile.
            }
        }

        // Linux counts in clock ticks of 1/100 s (USER_HZ).
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
