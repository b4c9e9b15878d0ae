using System.Globalization;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Events;
using Inbox.Core.Media;
using StackExchange.Redis;

namespace Inbox.Web.Realtime;

/// <summary>
/// Tells the other instances that an admin edited a channel here (<see cref="ChannelsChanged"/>), over Redis pub/sub:
/// each forgets its cached webhook routes, so a channel added, re-keyed, given a new LINE secret or removed on A is
/// honoured on B at its next webhook, and wakes its sender and media worker, since a new token may release what they
/// held for the channel. The routes' own freshness (30 s) still bounds what a message lost in a Redis outage can cost,
/// and a reconnect forgets them too.
/// </summary>
public sealed class RedisChannelRelay(RedisLink link, WebhookAddressBook addresses, OutboundSignal outbound, MediaSignal media, ILogger<RedisChannelRelay> logger)
    : BackgroundService, IDomainEventHandler<ChannelsChanged>
{
    private static readonly RedisChannel Edits = RedisChannel.Literal("inbox:channels");

    private readonly string origin = Guid.NewGuid().ToString("N");
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ISubscriber? subscriber;

    /// <summary>Completes once this instance hears other instances' channel edits (at once without Redis).</summary>
    public Task Ready => ready.Task;

    public Task HandleAsync(ChannelsChanged domainEvent, CancellationToken cancellationToken)
    {
        try
        {
            subscriber?.Publish(Edits, $"{origin}:{domainEvent.ChannelId.ToString(CultureInfo.InvariantCulture)}", CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Telling other instances that channel {Channel} changed failed ({Error}); their routes refresh within 30 s.", domainEvent.ChannelId, ex.Message);
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!link.Enabled)
        {
            ready.TrySetResult();
            return;
        }

        var channel = await link.SubscribeAsync(Edits, Receive, "other instances' channel edits", TimeProvider.System, stoppingToken);

        subscriber = channel;
        link.Changed += OnLinkChanged;
        ready.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
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

    /// <summary>Edits made while Redis was unreachable were not heard: read the routes afresh.</summary>
    private void OnLinkChanged()
    {
        if (link.Connected)
        {
            addresses.Invalidate();
        }
    }

    private void Receive(RedisValue message)
    {
        var text = message.ToString();
        if (text.StartsWith(origin + ":", StringComparison.Ordinal))
        {
            return;
        }

        logger.LogInformation("A channel was edited on another instance ({Message}): routes are read again.", text);
        addresses.Invalidate();
        outbound.Wake();
        media.Wake();
    }
}
