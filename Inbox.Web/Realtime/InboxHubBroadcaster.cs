using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Web.Realtime;

/// <summary>
/// Relays every <see cref="InboxChange"/> to all hub connections, named after its event, with the event as payload,
/// in the order they happened. Changes wait in a queue for a sender of their own, so writing to hundreds of
/// connections never holds up the webhook processing that raised them; the queue is bounded, so a hub that cannot
/// keep up slows the publisher down instead of growing without end.
/// </summary>
public sealed class InboxHubBroadcaster(InboxNotifier notifier, IHubContext<InboxHub> hub, ILogger<InboxHubBroadcaster> logger) : BackgroundService
{
    private readonly Channel<InboxChange> queue = Channel.CreateBounded<InboxChange>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.Subscribe(change => queue.Writer.WriteAsync(change, stoppingToken).AsTask());
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (queue.Reader.TryRead(out var change))
                {
                    await SendAsync(change);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: connections are closing anyway.
        }
    }

    private async Task SendAsync(InboxChange change)
    {
        try
        {
            await hub.Clients.All.SendAsync(change.Event.GetType().Name, change.Event, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sending {Change} to the hub's connections failed", change);
        }
    }
}
