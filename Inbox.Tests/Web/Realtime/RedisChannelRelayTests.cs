using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Events;
using Inbox.Core.Media;
using Inbox.Tests.TestSupport;
using Inbox.Web.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Web.Realtime;

/// <summary>
/// Two instances' webhook routes on one database, joined through a real redis-server: a channel an admin edits on A
/// is honoured by B's webhook endpoint at once, without a restart and without waiting for B's routes to age. Both
/// clocks stand still, so only the relayed edit can make B read the channels again.
/// </summary>
[Trait("Category", "MultiInstance")]
public sealed class RedisChannelRelayTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider time = TestClock.New();
    private readonly List<IAsyncDisposable> instances = [];
    private RedisServer redis = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        await database.Migrator.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await redis.DisposeAsync();
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task LineChannelRekeyedOnA_BRoutesTheNewKeyAndSecret_AndRefusesTheOld()
    {
        var a = await InstanceAsync();
        var b = await InstanceAsync();
        var created = await a.Admin.CreateAsync(new ChannelDraft
        {
            Key = "acme-line", Kind = ChannelKind.Line, Name = "Acme LINE", ExternalId = "U0123456789", AccessToken = "line-token-1", ChannelSecret = "line-secret-1",
        }, "admin@inbox.test");
        Assert.True(created.Succeeded, created.Error);
        await b.Outbound.WaitAsync(SafetyTimeout, TimeProvider.System, CancellationToken.None);
        Assert.Equal("line-secret-1", (await b.Addresses.LineAsync("acme-line", AddressLookup.Cached, CancellationToken.None))?.ChannelSecret);

        var draft = ChannelDraft.Of((await a.Admin.ListAsync()).Single());
        (draft.Key, draft.ChannelSecret) = ("acme-line-2", "line-secret-2");
        Assert.True((await a.Admin.UpdateAsync(created.ChannelId!.Value, draft, "admin@inbox.test")).Succeeded);

        // B wakes its sender when it hears of the edit (a new token may release held replies).
        await b.Outbound.WaitAsync(SafetyTimeout, TimeProvider.System, CancellationToken.None);
        Assert.Null(await b.Addresses.LineAsync("acme-line", AddressLookup.Cached, CancellationToken.None));
        Assert.Equal(new LineAddress(created.ChannelId.Value, "line-secret-2"), await b.Addresses.LineAsync("acme-line-2", AddressLookup.Cached, CancellationToken.None));
    }

    [Fact]
    public async Task MessengerChannelRemovedOnA_BStopsRoutingItsPage()
    {
        var a = await InstanceAsync();
        var b = await InstanceAsync();
        var created = await a.Admin.CreateAsync(new ChannelDraft
        {
            Key = "acme-fb", Kind = ChannelKind.Messenger, Name = "Acme", ExternalId = "1040000000001", AccessToken = "EAAB-1",
        }, "admin@inbox.test");
        await b.Outbound.WaitAsync(SafetyTimeout, TimeProvider.System, CancellationToken.None);
        var routes = await b.Addresses.MetaAsync(AddressLookup.Cached, CancellationToken.None);
        Assert.Equal(created.ChannelId, routes.GetValueOrDefault((ChannelKind.Messenger, "1040000000001")));

        Assert.True((await a.Admin.DeleteAsync(created.ChannelId!.Value, "admin@inbox.test")).Succeeded);

        await b.Outbound.WaitAsync(SafetyTimeout, TimeProvider.System, CancellationToken.None);
        Assert.False((await b.Addresses.MetaAsync(AddressLookup.Cached, CancellationToken.None)).ContainsKey((ChannelKind.Messenger, "1040000000001")));
    }

    private async Task<Instance> InstanceAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString }).Build();
        var link = new RedisLink(configuration, NullLogger<RedisLink>.Instance);
        var addresses = new WebhookAddressBook(database.Contexts, time);
        var outbound = new OutboundSignal();
        var relay = new RedisChannelRelay(link, addresses, outbound, new MediaSignal(), NullLogger<RedisChannelRelay>.Instance);
        var handlers = new ServiceCollection().AddSingleton<IDomainEventHandler<ChannelsChanged>>(relay).BuildServiceProvider();
        var events = new DomainEvents(handlers.GetRequiredService<IServiceScopeFactory>(), NullLogger<DomainEvents>.Instance);
        var admin = new ChannelAdmin(database.Contexts, time, events, new AuditLog(database.Contexts, time), addresses, NullLogger<ChannelAdmin>.Instance);
        await relay.StartAsync(CancellationToken.None);
        await relay.Ready.WaitAsync(SafetyTimeout);
        var instance = new Instance(admin, addresses, outbound, link, relay, handlers);
        instances.Add(instance);
        return instance;
    }

    private sealed record Instance(ChannelAdmin Admin, WebhookAddressBook Addresses, OutboundSignal Outbound, RedisLink Link, RedisChannelRelay Relay, ServiceProvider Handlers)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Relay.StopAsync(CancellationToken.None);
            Relay.Dispose();
            await Link.DisposeAsync();
            await Handlers.DisposeAsync();
            Outbound.Dispose();
        }
    }
}
