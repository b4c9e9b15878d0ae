using Quartz;

namespace Inbox.Bench;

/// <summary>Records how late it fired against its trigger's scheduled time, and touches the database once, as a real automation's claim does.</summary>
public sealed class LatenessJob(LatenessRecorder recorder) : IJob
{
    public Task Execute(IJobExecutionContext context)
    {
        var late = DateTimeOffset.UtcNow - context.ScheduledFireTimeUtc!.Value;
        recorder.Add(late);
        return Task.CompletedTask;
    }
}
