namespace Inbox.Bench;

/// <summary>Collects firing lateness; completes when the expected number has fired.</summary>
public sealed class LatenessRecorder(int expected)
{
    private readonly List<TimeSpan> lateness = new(expected);
    private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task All => all.Task;

    public void Add(TimeSpan late)
    {
        lock (lateness)
        {
            lateness.Add(late);
            if (lateness.Count >= expected)
            {
                all.TrySetResult();
            }
        }
    }

    public List<TimeSpan> Snapshot()
    {
        lock (lateness)
        {
            return [.. lateness];
        }
    }
}
