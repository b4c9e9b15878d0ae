using Inbox.Web.Components.Shared;
using Inbox.Web.Realtime;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Web.Realtime;

/// <summary>
/// The circuit's one clock wakes each watcher only when what it shows changes: an hour of an idle tab with ages and
/// calm countdowns costs a few wake-ups, not one per row per second.
/// </summary>
public sealed class CircuitClockTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Watch_AnAgeOverTwoHours_IsWokenOncePerMinuteThenOncePerHour()
    {
        using var clock = new CircuitClock(time);
        var at = time.GetUtcNow().UtcDateTime.AddSeconds(-10);
        var shown = new List<string>();
        using var watch = clock.Watch(now => RelativeTime.NextChange(at, now), () =>
        {
            shown.Add(Age(at, clock.Now));
            return Task.CompletedTask;
        });

        Advance(TimeSpan.FromHours(2));

        // "1 min" … "59 min", then "1 h" and "2 h".
        Assert.Equal(61, shown.Count);
        Assert.Equal(["1 min", "2 min"], shown.Take(2));
        Assert.Equal(["59 min", "1 h", "2 h"], shown.TakeLast(3));
    }

    [Fact]
    public void Watch_ManyWatchers_OnlyTheDueOneIsWoken()
    {
        using var clock = new CircuitClock(time);
        var start = clock.Now;
        var woken = new int[3];
        var watches = Enumerable.Range(0, 3)
            .Select(i => clock.Watch(now => now < start.AddMinutes(i + 1) ? start.AddMinutes(i + 1) : null, () =>
            {
                woken[i]++;
                return Task.CompletedTask;
            }))
            .ToList();

        Advance(TimeSpan.FromSeconds(90));

        Assert.Equal([1, 0, 0], woken);
        watches.ForEach(w => w.Dispose());
    }

    [Fact]
    public void Replan_NewParameters_WakesAtTheNewInstantAndDisposeStopsIt()
    {
        using var clock = new CircuitClock(time);
        var due = clock.Now.AddHours(1);
        var woken = 0;
        var watch = clock.Watch(now => now < due ? due : null, () =>
        {
            woken++;
            return Task.CompletedTask;
        });

        due = clock.Now.AddSeconds(5);
        watch.Replan();
        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, woken);

        due = clock.Now.AddSeconds(5);
        watch.Replan();
        watch.Dispose();
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, woken);
    }

    [Theory]
    [InlineData("0:00:10", "0:01:00")]
    [InlineData("0:01:00", "0:02:00")]
    [InlineData("0:59:59", "1:00:00")]
    [InlineData("1:00:00", "2:00:00")]
    [InlineData("23:10:00", "1.00:00:00")]
    [InlineData("3.04:00:00", "4.00:00:00")]
    public void NextChange_Age_IsWhenTheShownAgeNextChanges(string age, string next)
    {
        var at = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(at + TimeSpan.Parse(next, culture), RelativeTime.NextChange(at, at + TimeSpan.Parse(age, culture)));
    }

    private static string Age(DateTime at, DateTime now) => (now - at) switch
    {
        { TotalMinutes: < 60 } a => $"{(int)a.TotalMinutes} min",
        var a => $"{(int)a.TotalHours} h",
    };

    /// <summary>Moves the clock one second at a time, as real time passes.</summary>
    private void Advance(TimeSpan by)
    {
        for (var i = 0; i < (int)by.TotalSeconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
