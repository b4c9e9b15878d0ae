using System.Globalization;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// The system clock, except that a timer set to exactly <see cref="Limit"/> fires only when the test calls
/// <see cref="Expire"/>. Given as the app's <see cref="TimeProvider"/> with <c>Inbox:Sending:RequestTimeout</c> set to
/// <see cref="Limit"/>, it lets a test decide when the sender gives up on a platform call that never answers, instead
/// of racing a short real time limit; held calls never time out on their own.
/// </summary>
public sealed class ManualTimeouts : TimeProvider
{
    /// <summary>A limit no other timer of the app uses, long enough never to pass during a test (the setting allows up to 5 minutes).</summary>
    public static readonly TimeSpan Limit = new(0, 4, 37);

    private readonly HashSet<Manual> armed = [];

    /// <summary>The value for <c>Inbox:Sending:RequestTimeout</c>.</summary>
    public static string Setting => Limit.ToString("c", CultureInfo.InvariantCulture);

    // Every timer is wrapped, not only those created with the limit: a pooled cancellation source is created idle and
    // armed later through Change (Polly's time limit does so).
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Manual(this, callback, state, base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Every platform call in flight now times out; returns how many time limits fired.</summary>
    public int Expire()
    {
        Manual[] due;
        lock (armed)
        {
            due = [.. armed];
            armed.Clear();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }

        return due.Length;
    }

    private void Arm(Manual timer, bool on)
    {
        lock (armed)
        {
            if (on)
            {
                armed.Add(timer);
            }
            else
            {
                armed.Remove(timer);
            }
        }
    }

    private sealed class Manual(ManualTimeouts owner, TimerCallback callback, object? state, ITimer real) : ITimer
    {
        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var held = dueTime == Limit;
            owner.Arm(this, held);
            return held ? real.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) : real.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.Arm(this, false);
            real.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
