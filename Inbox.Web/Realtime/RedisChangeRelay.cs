using System.Text.Json;
using System.Threading.Channels;
using Inbox.Core.Events;
using StackExchange.Redis;

namespace Inbox.Web.Realtime;

/// <summary>
/// Carries live updates between instances over Redis pub/sub: every change raised here is published, and every change
/// another instance published is handed to this instance's <see cref="InboxNotifier"/>, so a tab open on B sees a
/// webhook processed on A. Only the notification travels; the data is in the shared database, so a Redis outage
/// pauses live updates (the tabs say so) and loses nothing. Publishing waits in a bounded queue of its own, so Redis
/// never holds up webhook processing.
/// </summary>
public sealed class RedisChangeRelay(RedisLink link, InboxNotifier notifier, ILogger<RedisChangeRelay> logger) : BackgroundService
{
    private static readonly RedisChannel Changes = RedisChannel.Literal("inbox:changes");

    /// <summary>The events live views show, by name: the only types a relayed message may carry.</summary>
    private static readonly Dictionary<string, Type> Events = new Type[]
    {
        typeof(MessageReceived), typeof(MessageQueued), typeof(MessageStatusChanged), typeof(ConversationUpdated),
        typeof(WindowClosingSoon), typeof(AttachmentChanged), typeof(ContactProfileUpdated),
    }.ToDictionary(t => t.Name);

    private readonly string origin = Guid.NewGuid().ToString("N");
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<InboxChange> outgoing = Channel.CreateBounded<InboxChange>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Completes once this instance hears other instances' changes (at once without Redis).</summary>
    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!link.Enabled)
        {
            ready.TrySetResult();
            return;
        }

        var subscriber = await link.SubscribeAsync(Changes, message => _ = ReceiveAsync(message), "live updates from other instances", TimeProvider.System, stoppingToken);

        using var subscription = notifier.Subscribe(change => change.Relayed ? Task.CompletedTask : outgoing.Writer.WriteAsync(change, stoppingToken).AsTask());
        ready.TrySetResult();
        try
        {
            await foreach (var change in outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                Publish(subscriber, change);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Publish(ISubscriber subscriber, InboxChange change)
    {
        try
        {
            var message = JsonSerializer.Serialize(new RelayedChange(origin, change.Event.GetType().Name, change.ConversationId, JsonSerializer.SerializeToElement(change.Event, change.Event.GetType())));
            subscriber.Publish(Changes, message, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug("Relaying {Change} to other instances failed: {Error}", change, ex.Message);
        }
    }

    private async Task ReceiveAsync(RedisValue message)
    {
        try
        {
            var relayed = JsonSerializer.Deserialize<RelayedChange>(message.ToString());
            if (relayed is null || relayed.Origin == origin || !Events.TryGetValue(relayed.Type, out var type))
            {
                return;
            }

            var domainEvent = relayed.Event.Deserialize(type)!;
            await notifier.PublishAsync(new InboxChange(relayed.ConversationId, domainEvent) { Relayed = true });
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live update relayed from another instance could not be read");
        }
    }

    private sealed record RelayedChange(string Origin, string Type, int ConversationId, JsonElement Event);
}
