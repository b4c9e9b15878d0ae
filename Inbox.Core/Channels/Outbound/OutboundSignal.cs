namespace Inbox.Core.Channels.Outbound;

/// <summary>Wakes the sender when a message is queued, so replies go out at once rather than at the next poll.</summary>
public sealed class OutboundSignal : IDisposable
{
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Asks the sender to look for due messages; several wake-ups before it looks count as one.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a wake-up or until <paramref name="timeout"/> has passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, poll.Token);
        try
        {
            await wake.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }

    public void Dispose() => wake.Dispose();
}
