namespace Inbox.Web.Realtime;

/// <summary>
/// One ticking clock per browser circuit (scoped service): every countdown on screen re-renders from the same
/// once-a-second tick instead of each row running its own timer.
/// </summary>
public sealed class CircuitClock(TimeProvider time) : IDisposable
{
    private readonly List<Func<Task>> subscribers = [];
    private ITimer? timer;

    /// <summary>The current instant, UTC.</summary>
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Calls <paramref name="onTick"/> every second until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Func<Task> onTick)
    {
        lock (subscribers)
        {
            subscribers.Add(onTick);
            timer ??= time.CreateTimer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }

        return new Subscription(() =>
        {
            lock (subscribers)
            {
                subscribers.Remove(onTick);
            }
        });
    }

    public void Dispose() => timer?.Dispose();

    private void Tick()
    {
        Func<Task>[] current;
        lock (subscribers)
        {
            current = [.. subscribers];
        }

        foreach (var subscriber in current)
        {
            _ = subscriber();
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref onDispose, null)?.Invoke();
    }
}
