namespace Inbox.Web.Realtime;

/// <summary>
/// One clock per browser circuit (scoped service), with one timer. A countdown or an age on screen tells it when what it
/// shows next changes, and is woken only then: a calm countdown once a minute or once an hour, an age once a minute at
/// most. An idle inbox tab therefore costs the server nothing between changes, however many rows it shows.
/// </summary>
public sealed class CircuitClock(TimeProvider time) : IDisposable
{
    private readonly List<Watcher> watches = [];
    private ITimer? timer;
    private DateTime? armedFor;
    private bool disposed;

    /// <summary>The current instant, UTC.</summary>
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Calls <paramref name="onTick"/> every second until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Func<Task> onTick) => Watch(now => now.AddSeconds(1), onTick);

    /// <summary>
    /// Calls <paramref name="onChange"/> at the instant <paramref name="nextChange"/> names, asked again after each call
    /// (given the current instant; null: nothing changes until <see cref="ClockWatch.Replan"/>). The watcher re-checks
    /// what it shows when called, so a wake-up a little early or late does no harm.
    /// </summary>
    public ClockWatch Watch(Func<DateTime, DateTime?> nextChange, Func<Task> onChange)
    {
        var watch = new Watcher(this, nextChange, onChange);
        lock (watches)
        {
            watches.Add(watch);
        }

        watch.Replan();
        return watch;
    }

    public void Dispose()
    {
        lock (watches)
        {
            disposed = true;
            watches.Clear();
            timer?.Dispose();
        }
    }

    private void Plan(Watcher watch, DateTime? due)
    {
        lock (watches)
        {
            watch.Due = due;
            Arm();
        }
    }

    private void Remove(Watcher watch)
    {
        lock (watches)
        {
            watches.Remove(watch);
        }
    }

    /// <summary>Sets the one timer for the earliest due watch (under the lock).</summary>
    private void Arm()
    {
        if (disposed)
        {
            return;
        }

        var earliest = watches.Where(w => w.Due is not null).Min(w => w.Due);
        if (earliest is null || earliest == armedFor)
        {
            return;
        }

        armedFor = earliest;

        // Woken on the whole second at or after it: what a watcher shows changes by the minute (the browser ticks the
        // seconds), so a fraction of a second late is never seen, and every row and tab due near the same moment is
        // handled in one wake-up of the thread pool instead of many scattered ones.
        var wait = WholeSecondAtOrAfter(earliest.Value) - Now;
        timer ??= time.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private static DateTime WholeSecondAtOrAfter(DateTime instant)
    {
        var remainder = instant.Ticks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? instant : instant.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }

    private void Tick()
    {
        var now = Now;
        Watcher[] due;
        lock (watches)
        {
            armedFor = null;
            due = [.. watches.Where(w => w.Due <= now)];
            foreach (var watch in due)
            {
                watch.Due = null;
            }
        }

        foreach (var watch in due)
        {
            _ = watch.OnChange();
        }

        lock (watches)
        {
            foreach (var watch in due.Where(watches.Contains))
            {
                // Never the same instant again: a watcher that answers "now" or earlier is looked at a second later.
                watch.Due = watch.NextChange(now) switch
                {
                    null => null,
                    { } next when next > now => next,
                    _ => now.AddSeconds(1),
                };
            }

            Arm();
        }
    }

    private sealed class Watcher(CircuitClock clock, Func<DateTime, DateTime?> nextChange, Func<Task> onChange) : ClockWatch
    {
        public DateTime? Due { get; set; }

        public Func<DateTime, DateTime?> NextChange { get; } = nextChange;

        public Func<Task> OnChange { get; } = onChange;

        public override void Replan() => clock.Plan(this, NextChange(clock.Now));

        public override void Dispose() => clock.Remove(this);
    }
}

/// <summary>A watcher's registration with the <see cref="CircuitClock"/>.</summary>
public abstract class ClockWatch : IDisposable
{
    /// <summary>What the watcher shows changed (new parameters): asks it again when it next changes.</summary>
    public abstract void Replan();

    public abstract void Dispose();
}
