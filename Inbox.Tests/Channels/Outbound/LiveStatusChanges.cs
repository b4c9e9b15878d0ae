using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Web.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// Listens to the app's <see cref="InboxNotifier"/>, the one fan-out point every open workspace and the SignalR hub
/// hear from, and keeps the delivery statuses announced per message: what a live screen was told, in order.
/// </summary>
public sealed class LiveStatusChanges : IDisposable
{
    private readonly List<MessageStatusChanged> seen = [];
    private readonly IDisposable subscription;

    public LiveStatusChanges(IServiceProvider services) =>
        subscription = services.GetRequiredService<InboxNotifier>().Subscribe(change =>
        {
            if (change.Event is MessageStatusChanged status)
            {
                lock (seen)
                {
                    seen.Add(status);
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>The statuses announced for <paramref name="messageId"/> so far.</summary>
    public IReadOnlyList<DeliveryStatus> Of(long messageId)
    {
        lock (seen)
        {
            return [.. seen.Where(s => s.MessageId == messageId).Select(s => s.Status)];
        }
    }

    public void Dispose() => subscription.Dispose();
}
