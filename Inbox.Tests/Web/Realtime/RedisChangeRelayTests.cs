using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Web.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Web.Realtime;

/// <summary>Two instances' notifiers joined through a real redis-server, as the circuits of two instances are.</summary>
[Trait("Category", "MultiInstance")]
public sealed class RedisChangeRelayTests : IAsyncLifetime
{
    private RedisServer redis = null!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task ChangeOnA_ReachesBRelayed_AndAHearsItOnce()
    {
        await using var a = await InstanceAsync();
        await using var b = await InstanceAsync();
        var heardOnA = new List<InboxChange>();
        using var onA = a.Notifier.Subscribe(change =>
        {
            lock (heardOnA)
            {
                heardOnA.Add(change);
            }

            return Task.CompletedTask;
        });
        var heardOnB = new TaskCompletionSource<InboxChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = b.Notifier.Subscribe(change => Task.FromResult(heardOnB.TrySetResult(change)));

        await a.Notifier.PublishAsync(new InboxChange(42, new MessageStatusChanged(42, 7, DeliveryStatus.Delivered)));

        var relayed = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(relayed.Relayed);
        Assert.Equal(42, relayed.ConversationId);
        Assert.Equal(new MessageStatusChanged(42, 7, DeliveryStatus.Delivered), relayed.Event);

        // A's own change did not come back to it from Redis: A heard it once, then B's change, relayed.
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onASecond = a.Notifier.Subscribe(change => Task.FromResult(change.ConversationId == 43 && second.TrySetResult()));
        await b.Notifier.PublishAsync(new InboxChange(43, new MessageQueued(43, 8)));
        await second.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (heardOnA)
        {
            Assert.Equal([42, 43], heardOnA.Select(c => c.ConversationId));
            Assert.Equal([false, true], heardOnA.Select(c => c.Relayed));
        }
    }

    private async Task<Instance> InstanceAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString }).Build();
        var notifier = new InboxNotifier(NullLogger<InboxNotifier>.Instance);
        var link = new RedisLink(configuration, NullLogger<RedisLink>.Instance);
        var relay = new RedisChangeRelay(link, notifier, NullLogger<RedisChangeRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        await relay.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return new Instance(notifier, link, relay);
    }

    private sealed record Instance(InboxNotifier Notifier, RedisLink Link, RedisChangeRelay Relay) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Relay.StopAsync(CancellationToken.None);
            Relay.Dispose();
            await Link.DisposeAsync();
        }
    }
}
