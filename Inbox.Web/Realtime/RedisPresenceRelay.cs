using System.Text.Json;
using Inbox.Core.Routing;
using StackExchange.Redis;

namespace Inbox.Web.Realtime;

/// <summary>
/// Shares agent presence between instances over Redis pub/sub: each instance publishes how many tabs each agent has
/// open on it (and who of them chose "away") whenever that changes and every <see cref="Heartbeat"/>, and hands what
/// the others publish to its <see cref="AgentPresence"/>. So an agent with one tab on A and one on B is online once,
/// stays online when either closes, and goes offline when both have. An instance that stops says so; one that dies
/// is forgotten once it has been silent for <see cref="Silence"/> while Redis was reachable. During a Redis outage each
/// instance keeps what it last heard, and on reconnecting asks every other instance to report again.
/// </summary>
public sealed class RedisPresenceRelay(RedisLink link, AgentPresence presence, TimeProvider time, ILogger<RedisPresenceRelay> logger) : BackgroundService
{
    /// <summary>How often an instance reports its tabs even when nothing changed.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>An instance not heard from for this long (three missed reports) is taken for dead.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(35);

    private static readonly RedisChannel Reports = RedisChannel.Literal("inbox:presence");

    private readonly string origin = Guid.NewGuid().ToString("N");
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, (DateTimeOffset HeardAt, string Away)> others = [];
    private readonly Lock gate = new();
    private ISubscriber? subscriber;
    private string? lastReport;

    /// <summary>Completes once this instance hears other instances' reports (at once without Redis).</summary>
    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!link.Enabled)
        {
            ready.TrySetResult();
            return;
        }

        var channel = await link.SubscribeAsync(Reports, Receive, "other instances' presence", time, stoppingToken);

        subscriber = channel;
        link.Changed += OnLinkChanged;
        using var changes = presence.Subscribe(() => Report(hello: false, force: false));
        Report(hello: true, force: true);
        ready.TrySetResult();
        using var heartbeat = new PeriodicTimer(Heartbeat, time);
        try
        {
            while (await heartbeat.WaitForNextTickAsync(stoppingToken))
            {
                Report(hello: false, force: true);
                ForgetSilent();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            link.Changed -= OnLinkChanged;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Leaving: the others drop this instance's tabs at once rather than after the silence.
        Publish(new PresenceReport(origin, new Dictionary<int, int>(), [], Hello: false));
    }

    /// <summary>Redis is back: what happened meanwhile was not heard, so report and ask everyone else to report too.</summary>
    private void OnLinkChanged()
    {
        if (link.Connected)
        {
            Report(hello: true, force: true);
            _ = ReloadAwayAsync();
        }
    }

    private void Report(bool hello, bool force)
    {
        var report = new PresenceReport(origin, presence.LocalTabs(), [.. presence.LocalAway().Order()], hello);
        var key = JsonSerializer.Serialize(report with { Hello = false });
        lock (gate)
        {
            if (!force && key == lastReport)
            {
                return;
            }

            lastReport = key;
        }

        Publish(report);
    }

    private void Publish(PresenceReport report)
    {
        try
        {
            subscriber?.Publish(Reports, JsonSerializer.Serialize(report), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogDebug("Reporting presence to other instances failed: {Error}", ex.Message);
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var report = JsonSerializer.Deserialize<PresenceReport>(message.ToString());
            if (report is null || report.Origin == origin)
            {
                return;
            }

            var away = string.Join(',', report.Away);
            bool awayChanged;
            lock (gate)
            {
                awayChanged = !others.TryGetValue(report.Origin, out var before) || before.Away != away;
                others[report.Origin] = (time.GetUtcNow(), away);
            }

            presence.SetRemote(report.Origin, report.Tabs);
            if (awayChanged)
            {
                // The choice is stored; the report only says it may have changed.
                _ = ReloadAwayAsync();
            }

            if (report.Hello)
            {
                Report(hello: false, force: true);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "A presence report from another instance could not be read");
        }
    }

    private void ForgetSilent()
    {
        if (!link.Connected)
        {
            return;
        }

        List<string> silent;
        lock (gate)
        {
            var now = time.GetUtcNow();
            silent = [.. others.Where(o => now - o.Value.HeardAt >= Silence).Select(o => o.Key)];
            foreach (var instance in silent)
            {
                others.Remove(instance);
            }
        }

        foreach (var instance in silent)
        {
            logger.LogInformation("Instance {Instance} has not reported presence for {Silence}: its tabs no longer count.", instance, Silence);
            presence.RemoveRemote(instance);
        }
    }

    private async Task ReloadAwayAsync()
    {
        try
        {
            await presence.ReloadAwayAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reading the agents' away choices again failed");
        }
    }

    private sealed record PresenceReport(string Origin, IReadOnlyDictionary<int, int> Tabs, IReadOnlyList<int> Away, bool Hello);
}
