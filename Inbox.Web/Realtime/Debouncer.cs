namespace Inbox.Web.Realtime;

/// <summary>
/// Runs an action once, <c>delay</c> after a burst of triggers. Trailing mode waits for the triggers to pause
/// (typing); otherwise the first trigger of a burst sets the time and the rest join it, so a steady stream of
/// events still refreshes the screen every <c>delay</c>.
/// </summary>
public sealed class Debouncer : IDisposable
{
    private readonly TimeSpan delay;
    private readonly bool trailing;
    private readonly ITimer timer;
    private bool armed;

    public Debouncer(TimeProvider time, TimeSpan delay, Func<Task> action, bool trailing)
    {
        this.delay = delay;
        this.trailing = trailing;
        timer = time.CreateTimer(_ => Fire(action), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Asks for the action to run soon.</summary>
    public void Trigger()
    {
        lock (timer)
        {
            if (trailing || !armed)
            {
                armed = true;
                timer.Change(delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose() => timer.Dispose();

    private void Fire(Func<Task> action)
    {
        lock (timer)
        {
            armed = false;
        }

        _ = action();
    }
}
