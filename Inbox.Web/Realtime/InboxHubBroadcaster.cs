using Microsoft.AspNetCore.SignalR;

namespace Inbox.Web.Realtime;

/// <summary>Relays every <see cref="InboxChange"/> to all hub connections, named after its event, with the event as payload.</summary>
public sealed class InboxHubBroadcaster(InboxNotifier notifier, IHubContext<InboxHub> hub) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = notifier.Subscribe(change => hub.Clients.All.SendAsync(change.Event.GetType().Name, change.Event, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }
}
