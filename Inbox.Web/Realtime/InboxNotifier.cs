namespace Inbox.Web.Realtime;

/// <summary>
/// The one fan-out point for live updates (singleton): domain events arrive here, and every open circuit and the
/// SignalR hub broadcaster hear about them. A slow or failing subscriber never holds up the others or the sender.
/// </summary>
public sealed class InboxNotifier(ILogger<InboxNotifier> logger)
{
    private readonly List<Func<InboxChange, Task>> subscribers = [];

    /// <summary>Calls <paramref name="onChange"/> for every change until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Func<InboxChange, Task> onChange)
    {
        lock (subscribers)
        {
            subscribers.Add(onChange);
        }

        return new Unsubscriber(this, onChange);
    }

    /// <summary>Tells every subscriber about <paramref name="change"/>.</summary>
    public async Task PublishAsync(InboxChange change)
    {
        Func<InboxChange, Task>[] current;
        lock (subscribers)
        {
            current = [.. subscribers];
        }

        await Task.WhenAll(current.Select(subscriber => NotifyAsync(subscriber, change)));
    }

    private async Task NotifyAsync(Func<InboxChange, Task> subscriber, InboxChange change)
    {
        try
        {
            await subscriber(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live-update subscriber failed on {Change}", change);
        }
    }

    private sealed class Unsubscriber(InboxNotifier notifier, Func<InboxChange, Task> onChange) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                lock (notifier.subscribers)
                {
                    notifier.subscribers.Remove(onChange);
                }
            }
        }
    }
}
