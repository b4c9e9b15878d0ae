namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Takes turns between the two busy writers of webhook traffic, the <see cref="WebhookStore"/> and the
/// <see cref="WebhookProcessor"/>. SQLite has one write lock; left to its busy handler, a writer that finds it taken
/// sleeps in growing steps and keeps missing the gaps, so acknowledgements starve behind a processing backlog.
/// Waiting here instead queues them in order and wakes each the moment the other is done. The write transactions that
/// follow every processed batch (moving its reminders, rebuilding its facts) take turns here too: they start just as the
/// store commits what queued up during the batch, and each sleep of the busy handler cost a few milliseconds per batch.
/// </summary>
public sealed class IngestWriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
