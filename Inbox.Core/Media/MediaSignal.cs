using Inbox.Core.Channels.Outbound;

namespace Inbox.Core.Media;

/// <summary>Wakes the <see cref="MediaWorker"/>: a wake-up of its own, apart from the sender's.</summary>
public sealed class MediaSignal : IDisposable
{
    /// <summary>The same coalescing wake-up the sender uses.</summary>
    public OutboundSignal Signal { get; } = new();

    public void Wake() => Signal.Wake();

    public void Dispose() => Signal.Dispose();
}
