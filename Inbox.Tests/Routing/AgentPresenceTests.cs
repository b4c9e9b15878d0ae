using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Routing;

public sealed class AgentPresenceTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider time = TestClock.New();
    private AgentPresence presence = default!;
    private int alice;

    public async Task InitializeAsync()
    {
        await database.Migrator.MigrateAsync();
        await using var db = database.Open();
        var agent = new Agent { Name = "Alice Agent", Email = "alice@example.test", UserId = "user-alice" };
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        alice = agent.Id;
        presence = new AgentPresence(database.Contexts, time);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => database.Dispose();

    [Fact]
    public void Of_NoConnection_IsOffline()
    {
        Assert.Equal(Presence.Offline, presence.Of(alice));
    }

    [Fact]
    public async Task Connected_AgentLogin_IsOnlineAndSeenNow()
    {
        var agentId = await presence.ConnectedAsync("user-alice", "circuit-1");

        Assert.Equal(alice, agentId);
        Assert.Equal(Presence.Online, presence.Of(alice));
        Assert.Equal(time.UtcNow, (await StoredAsync()).LastSeenAt);
    }

    [Fact]
    public async Task Connected_LoginWithoutAgent_ReturnsNull()
    {
        Assert.Null(await presence.ConnectedAsync("user-nobody", "circuit-1"));
    }

    [Fact]
    public async Task Disconnected_OneOfTwoTabs_StaysOnline()
    {
        await presence.ConnectedAsync("user-alice", "circuit-1");
        await presence.ConnectedAsync("user-alice", "circuit-2");

        await presence.DisconnectedAsync(alice, "circuit-1");

        Assert.Equal(Presence.Online, presence.Of(alice));
    }

    [Fact]
    public async Task Disconnected_LastTab_IsOfflineAndLastSeenThen()
    {
        await presence.ConnectedAsync("user-alice", "circuit-1");
        time.Advance(TimeSpan.FromMinutes(42));

        await presence.DisconnectedAsync(alice, "circuit-1");

        Assert.Equal(Presence.Offline, presence.Of(alice));
        Assert.Equal(time.UtcNow, (await StoredAsync()).LastSeenAt);
    }

    [Fact]
    public async Task SetAway_WhileConnected_IsAwayAndStored()
    {
        await presence.ConnectedAsync("user-alice", "circuit-1");

        await presence.SetAwayAsync(alice, true);

        Assert.Equal(Presence.Away, presence.Of(alice));
        Assert.True((await StoredAsync()).Away);
    }

    [Fact]
    public async Task Connected_AfterChoosingAwayEarlier_IsStillAway()
    {
        await presence.ConnectedAsync("user-alice", "circuit-1");
        await presence.SetAwayAsync(alice, true);
        await presence.DisconnectedAsync(alice, "circuit-1");

        var restarted = new AgentPresence(database.Contexts, time);
        await restarted.ConnectedAsync("user-alice", "circuit-2");

        Assert.Equal(Presence.Away, restarted.Of(alice));
    }

    [Fact]
    public async Task Subscribe_PresenceChanges_NotifiesUntilDisposed()
    {
        var calls = 0;
        var subscription = presence.Subscribe(() => calls++);

        await presence.ConnectedAsync("user-alice", "circuit-1");
        await presence.SetAwayAsync(alice, true);
        subscription.Dispose();
        await presence.DisconnectedAsync(alice, "circuit-1");

        Assert.Equal(2, calls);
    }

    private async Task<Agent> StoredAsync()
    {
        await using var db = database.Open();
        return await db.Agents.SingleAsync(a => a.Id == alice);
    }
}
