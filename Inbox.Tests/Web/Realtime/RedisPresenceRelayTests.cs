using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Inbox.Web.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Web.Realtime;

/// <summary>Two instances' presence on one database, joined through a real redis-server, as two Inbox processes are.</summary>
[Trait("Category", "MultiInstance")]
public sealed class RedisPresenceRelayTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private readonly TestDatabase database = new();
    private RedisServer redis = null!;
    private int alice;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        await database.Migrator.MigrateAsync();
        await using var db = database.Open();
        var agent = new Agent { Name = "Alice Agent", Email = "alice@example.test", UserId = "user-alice" };
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        alice = agent.Id;
    }

    public async Task DisposeAsync() => await redis.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TabsOnTwoInstances_OnlineOnBoth_UntilBothClose()
    {
        await using var a = await InstanceAsync(TimeProvider.System);
        await using var b = await InstanceAsync(TimeProvider.System);

        // A tab on A only: B shows Alice online too.
        await a.Presence.ConnectedAsync("user-alice", "tab-on-a");
        Assert.Equal(Presence.Online, await UntilAsync(b.Presence, Presence.Online));

        // A second tab, on B, then B's closes: A's tab, which B has heard of, keeps her online there.
        await b.Presence.ConnectedAsync("user-alice", "tab-on-b");
        await b.Presence.DisconnectedAsync(alice, "tab-on-b");
        Assert.Equal(Presence.Online, b.Presence.Of(alice));

        // Both closed: offline everywhere.
        await a.Presence.DisconnectedAsync(alice, "tab-on-a");
        Assert.Equal(Presence.Offline, await UntilAsync(a.Presence, Presence.Offline));
        Assert.Equal(Presence.Offline, await UntilAsync(b.Presence, Presence.Offline));
    }

    [Fact]
    public async Task AwayChosenOnA_IsAwayOnB()
    {
        await using var a = await InstanceAsync(TimeProvider.System);
        await using var b = await InstanceAsync(TimeProvider.System);
        await a.Presence.ConnectedAsync("user-alice", "tab-on-a");
        await b.Presence.ConnectedAsync("user-alice", "tab-on-b");

        await a.Presence.SetAwayAsync(alice, true);

        Assert.Equal(Presence.Away, await UntilAsync(b.Presence, Presence.Away));
    }

    [Fact]
    public async Task InstanceGoneSilent_ItsTabsStopCountingAfterTheSilence()
    {
        // Nothing of A's may still be on its way to B when B's clock moves, or B would hear it "later" and count the
        // silence from then: A's clock stands still (no heartbeats), and Alice's tab is open before B starts, so the one
        // report B hears from A is the answer to B's hello, the report that shows her online.
        var clockOfB = TestClock.New();
        var a = await InstanceAsync(TestClock.New());
        await a.Presence.ConnectedAsync("user-alice", "tab-on-a");
        await using var b = await InstanceAsync(clockOfB);
        Assert.Equal(Presence.Online, await UntilAsync(b.Presence, Presence.Online));

        // A dies: its Redis connection drops without a word. Three heartbeats later (30 s) its tab still counts on B.
        await a.Link.DisposeAsync();
        for (var beat = 0; beat < 3; beat++)
        {
            clockOfB.Advance(RedisPresenceRelay.Heartbeat);
        }

        Assert.Equal(Presence.Online, b.Presence.Of(alice));

        // At B's next heartbeat A has been silent longer than the silence allowed (35 s).
        clockOfB.Advance(RedisPresenceRelay.Heartbeat);
        Assert.Equal(Presence.Offline, await UntilAsync(b.Presence, Presence.Offline));
        await a.Relay.StopAsync(CancellationToken.None);
        a.Relay.Dispose();
    }

    /// <summary>The presence of Alice once it is <paramref name="expected"/> (what it is, if the wait runs out).</summary>
    private async Task<Presence> UntilAsync(AgentPresence presence, Presence expected)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var changes = presence.Subscribe(() =>
        {
            if (presence.Of(alice) == expected)
            {
                reached.TrySetResult();
            }
        });
        if (presence.Of(alice) != expected)
        {
            try
            {
                await reached.Task.WaitAsync(SafetyTimeout);
            }
            catch (TimeoutException)
            {
                // What it is then is returned, and the caller's assertion names it.
            }
        }

        return presence.Of(alice);
    }

    private async Task<Instance> InstanceAsync(TimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString }).Build();
        var presence = new AgentPresence(database.Contexts, time);
        var link = new RedisLink(configuration, NullLogger<RedisLink>.Instance);
        var relay = new RedisPresenceRelay(link, presence, time, NullLogger<RedisPresenceRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        await relay.Ready.WaitAsync(SafetyTimeout);
        return new Instance(presence, link, relay);
    }

    private sealed record Instance(AgentPresence Presence, RedisLink Link, RedisPresenceRelay Relay) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Relay.StopAsync(CancellationToken.None);
            Relay.Dispose();
            await Link.DisposeAsync();
        }
    }
}
