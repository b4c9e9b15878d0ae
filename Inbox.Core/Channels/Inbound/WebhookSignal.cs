using System.Threading.Channels;

namespace Inbox.Core.Channels.Inbound;

/// <summary>Wakes the webhook worker when a delivery was stored, so processing starts right after the acknowledgement.</summary>
public sealed class WebhookSignal
{
    private readonly Channel<bool> signals = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => signals.Writer.TryWrite(true);

    /// <summary>Completes when notified, or after <paramref name="timeout"/> (the worker also polls, for deliveries left by a crash).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await signals.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval elapsed.
        }
    }
}
