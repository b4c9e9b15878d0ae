using System.Threading.Channels;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Stores verified webhook bodies with group commit: every delivery that arrives while the previous commit is on its
/// way to the disk goes into the next one, so 32 concurrent POSTs cost one <c>fsync</c>, not 32. Each caller is
/// answered only after the commit that holds its delivery, so no acknowledgement runs ahead of the disk.
/// </summary>
public sealed class WebhookStore : IAsyncDisposable
{
    /// <summary>Most deliveries in one commit; a larger backlog simply takes several.</summary>
    private const int MaxGroup = 256;

    private readonly IDbContextFactory<InboxDbContext> contexts;
    private readonly IngestWriteGate gate;
    private readonly ILogger<WebhookStore> logger;
    private readonly Channel<Pending> queue = System.Threading.Channels.Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public WebhookStore(IDbContextFactory<InboxDbContext> contexts, IngestWriteGate gate, ILogger<WebhookStore> logger)
    {
        (this.contexts, this.gate, this.logger) = (contexts, gate, logger);
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Completes with the delivery's id once it is on disk; throws if the commit failed (answer 500, the platform retries).</summary>
    public Task<long> StoreAsync(WebhookDelivery delivery)
    {
        var pending = new Pending(delivery, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(WebhookStore), "The app is shutting down; the delivery was not stored.");
        }

        return pending.Stored.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }

            try
            {
                await CommitAsync(group);
                foreach (var pending in group)
                {
                    pending.Stored.TrySetResult(pending.Delivery.Id);
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Storing {Count} webhook deliveries failed; each is answered with an error so the platform sends it again.", group.Count);
                foreach (var pending in group)
                {
                    pending.Stored.TrySetException(ex);
                }
            }
        }
    }

    private async Task CommitAsync(List<Pending> group)
    {
        using var turn = await gate.EnterAsync(CancellationToken.None);
        await using var db = await contexts.CreateDbContextAsync();
        db.WebhookDeliveries.AddRange(group.Select(p => p.Delivery));

        // The platform forgets the event once we answer 200: on SQLite this write waits for the disk even through a
        // power cut (synchronous=FULL), where the rest of the app settles for WAL's crash safety; the connection
        // interceptor sets NORMAL again on the next open. PostgreSQL's commits wait for its log on disk already.
        if (!db.Database.IsSqlite())
        {
            await db.SaveChangesAsync();
            return;
        }

        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;");
            await db.SaveChangesAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Pending(WebhookDelivery Delivery, TaskCompletionSource<long> Stored);
}
