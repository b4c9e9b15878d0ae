using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Inbox.Core.Scheduling.Hangfire;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Scheduling;

/// <summary>
/// Which Hangfire jobs the timer stores for the seconds it is asked to arm: one per second to come, and a new one for a
/// second whose job may already have looked for due rows.
/// </summary>
public sealed class HangfireAutomationTimerTests
{
    private static readonly DateTime Start = new(2026, 11, 30, 9, 0, 0, 400, DateTimeKind.Utc);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(Start));
    private readonly RecordingJobClient jobs = new();

    private HangfireAutomationTimer Timer() => new(jobs, time);

    [Fact]
    public async Task TwoArmsOfTheSameSecondToCome_StoreOneJob()
    {
        var timer = Timer();
        var second = Start.AddSeconds(4.6);

        await timer.ArmAsync([second], default);
        await timer.ArmAsync([second, second], default);

        Assert.Equal([second], jobs.Scheduled);
    }

    [Fact]
    public async Task SecondWhoseJobHasWoken_IsArmedAgainAtTheCurrentSecond()
    {
        var timer = Timer();
        var second = Start.AddSeconds(0.6);
        await timer.ArmAsync([second], default);

        // The second's job woke at 09:00:01.1 and looked; a row due in that second, committed just after, asks for it again.
        time.Advance(TimeSpan.FromSeconds(0.7));
        timer.Waking(second);
        await timer.ArmAsync([second], default);
        await timer.ArmAsync([second], default);

        Assert.Equal([second, second.AddSeconds(1)], jobs.Scheduled);
    }

    [Fact]
    public async Task PastSecondWhoseJobHasNotWoken_IsLeftToThatJob()
    {
        var timer = Timer();
        var second = Start.AddSeconds(0.6);
        await timer.ArmAsync([second], default);

        // The arming run finds the row still waiting just after its second: its job is late, not lost.
        time.Advance(TimeSpan.FromSeconds(0.7));
        await timer.ArmAsync([second], default);

        Assert.Equal([second], jobs.Scheduled);
    }

    [Fact]
    public async Task OverdueRowsOfTheArmingRun_ShareOneJobAtTheCurrentSecond_AndAreArmedAgainByTheNextRun()
    {
        var timer = Timer();
        var current = Start.AddSeconds(0.6);

        await timer.ArmAsync([Start.AddSeconds(-30.4), Start.AddSeconds(-10.4), current], default);
        Assert.Equal([current], jobs.Scheduled);

        // A minute later they still wait (their job was lost): the next arming run arms them again.
        time.Advance(TimeSpan.FromMinutes(1));
        await timer.ArmAsync([Start.AddSeconds(-30.4), Start.AddSeconds(-10.4)], default);
        Assert.Equal([current, current.AddMinutes(1)], jobs.Scheduled);
    }

    [Fact]
    public async Task JobWokeEarly_RearmsItsSecond()
    {
        var timer = Timer();
        var second = Start.AddSeconds(2.6);
        await timer.ArmAsync([second], default);

        // Woken at 09:00:01, before its second: it runs what is due and arms the second again, which counts as armed.
        time.Advance(TimeSpan.FromSeconds(1));
        timer.Waking(second);
        await timer.RearmAsync(second, default);
        await timer.ArmAsync([second], default);

        Assert.Equal([second, second], jobs.Scheduled);
        Assert.Equal(jobs.Ids[^1], timer.JobIdOf(second));
    }

    /// <summary>Hangfire's client as the timer uses it: records the scheduled jobs' due times.</summary>
    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<DateTime> Scheduled { get; } = [];

        public List<string> Ids { get; } = [];

        public string Create(Job job, IState state)
        {
            Assert.Equal(nameof(AutomationJob.RunAsync), job.Method.Name);
            var due = Assert.IsType<ScheduledState>(state).EnqueueAt;
            Assert.Equal(new DateTimeOffset(due).ToUnixTimeSeconds(), (long)job.Args[0]);
            Scheduled.Add(due);
            Ids.Add($"job-{Ids.Count + 1}");
            return Ids[^1];
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();
    }
}
