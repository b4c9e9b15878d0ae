using Inbox.Core.Channels.Line;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels.Outbound;

/// <summary>
/// Sends due outbound messages one at a time. Each is claimed atomically (Queued → Sending) before its
/// platform call, so two dispatchers, in one process or two, never send the same message; the policy is
/// asked again before every call. Passes in one process run one after another: a caller waits for the pass
/// in progress, so when <see cref="SendDueAsync"/> returns, every message due when it was called is settled.
/// </summary>
public sealed class OutboundDispatcher(
    IDbContextFactory<InboxDbContext> contexts,
    IEnumerable<IPlatformSender> senders,
    LineQuotaService quotas,
    DomainEvents events,
    TimeProvider time,
    ILogger<OutboundDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim pass = new(1, 1);

    /// <summary>Sends every due message (queued, not backing off, channel not waiting for a new token); returns how many it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await pass.WaitAsync(cancellationToken);
        try
        {
            // Fresh LINE quota first, so the policy check below sees what is really left.
            await quotas.RefreshStaleAsync(cancellationToken);
            var handled = 0;
            long after = 0;
            while (await NextDueAsync(after, cancellationToken) is { } id)
            {
                after = id;
                if (await TryClaimAsync(id, cancellationToken))
                {
                    await SendClaimedAsync(id, cancellationToken);
                    handled++;
                }
            }

            return handled;
        }
        finally
        {
            pass.Release();
        }
    }

    /// <summary>
    /// At start-up: messages left in Sending were in flight when the app stopped. A LINE push is sent again
    /// with its stored retry key (LINE runs it at most once); anything else fails as Interrupted, because the
    /// platform cannot tell whether it arrived and a blind resend could reach the customer twice.
    /// With <paramref name="leftBefore"/> (several instances on one database), only messages claimed before it: a
    /// younger claim may be another instance's send in progress; an older one's instance has died.
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(DateTime? leftBefore = null, CancellationToken cancellationToken = default)
    {
        await pass.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var stuck = await db.Messages.Include(m => m.Conversation!).ThenInclude(c => c.Channel)
                .Where(m => m.Status == DeliveryStatus.Sending && (leftBefore == null || m.SendingSince == null || m.SendingSince < leftBefore))
                .ToListAsync(cancellationToken);
            foreach (var message in stuck)
            {
                message.SendingSince = null;
                if (message.Conversation!.Channel!.Kind == ChannelKind.Line && message.SendKey is not null)
                {
                    message.Status = DeliveryStatus.Queued;
                    (message.ErrorCode, message.ErrorMessage) = (null, null);
                    continue;
                }

                var error = SendError.Interrupted("interrupted", "The app stopped while this message was being sent");
                message.Status = DeliveryStatus.Failed;
                (message.Failure, message.ErrorCode, message.ErrorMessage) = (error.Failure, error.Code, error.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var message in stuck)
            {
                logger.LogWarning("Message {MessageId} was in flight at shutdown; now {Status}", message.Id, message.Status);
                await events.PublishAsync(new MessageStatusChanged(message.ConversationId, message.Id, message.Status), cancellationToken);
            }

            return stuck.Count;
        }
        finally
        {
            pass.Release();
        }
    }

    public void Dispose() => pass.Dispose();

    private async Task<long?> NextDueAsync(long after, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Messages
            .Where(m => m.Id > after && m.Status == DeliveryStatus.Queued && m.Direction == MessageDirection.Outbound)
            .Where(m => m.NextAttemptAt == null || m.NextAttemptAt <= now)
            .Where(m => db.Channels.Any(c => c.Id == m.ChannelId && c.AuthError == null))
            .OrderBy(m => m.Id)
            .Select(m => (long?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> TryClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Messages
            .Where(m => m.Id == id && m.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, DeliveryStatus.Sending)
                .SetProperty(m => m.SendingSince, now)
                .SetProperty(m => m.SendAttempts, m => m.SendAttempts + 1)
                .SetProperty(m => m.ErrorCode, (string?)null)
                .SetProperty(m => m.ErrorMessage, (string?)null), cancellationToken);
        return claimed == 1;
    }

    private async Task SendClaimedAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages
            .Include(m => m.Conversation!).ThenInclude(c => c.Contact)
            .Include(m => m.Conversation!).ThenInclude(c => c.Channel)
            .Include(m => m.Attachments)
            .SingleAsync(m => m.Id == id, cancellationToken);
        await events.PublishAsync(new MessageStatusChanged(message.ConversationId, id, DeliveryStatus.Sending), cancellationToken);

        // The claim counted the first call; each retry recorded on the way, and the outcome, count the rest.
        var claimed = message.SendAttempts;
        var send = OutboundSend.Of(message) with { Retrying = (retry, token) => RecordRetryAsync(db, message, claimed + retry.Attempt - 1, retry.Error, token) };
        var outcome = await OutcomeAsync(send, cancellationToken);
        message.SendAttempts = Math.Max(message.SendAttempts, claimed + outcome.Calls - 1);

        // Once the platform has answered, what it said is recorded even during shutdown: losing it would turn a sent message into an interrupted one.
        var status = await SendOutcomeRecorder.SaveAsync(db, send, outcome, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        logger.LogInformation("Message {MessageId} on {Channel}: {Status} {Code}", id, send.Channel.Key, status, outcome.Error?.Code);
        await events.PublishAsync(new MessageStatusChanged(message.ConversationId, id, status), CancellationToken.None);
    }

    /// <summary>
    /// A call failed and another follows after the back-off: the message, still Sending, shows the calls made and why the
    /// last one failed, and open workspaces hear of it, instead of a silent "Sending" for a minute or more.
    /// </summary>
    private async Task RecordRetryAsync(InboxDbContext db, Message message, int attempts, SendError error, CancellationToken cancellationToken)
    {
        message.SendAttempts = attempts;
        (message.ErrorCode, message.ErrorMessage) = (error.Code, error.Message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Progress only: the retry goes on, and the outcome is saved with these values all the same.
            logger.LogWarning(ex, "Could not record the retry of message {MessageId}", message.Id);
            return;
        }

        logger.LogInformation("Message {MessageId}: attempt {Attempts} failed ({Code}); retrying", message.Id, attempts, error.Code);
        await events.PublishAsync(new MessageStatusChanged(message.ConversationId, message.Id, DeliveryStatus.Sending), cancellationToken);
    }

    private async Task<SendOutcome> OutcomeAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        if (SendPolicyCheck.Check(send, time.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return SendOutcome.Refused(SendError.Final(refusal.Failure, "policy", refusal.Reason), 0);
        }

        if (send.Channel.Simulated)
        {
            // Demo channels: the customer side is simulated, so the platform is too.
            return SendOutcome.Sent($"sim-{Guid.NewGuid():N}", 0);
        }

        var sender = senders.FirstOrDefault(s => s.Handles(send.Channel.Kind))
            ?? throw new InvalidOperationException($"No sender for {send.Channel.Kind} channels.");
        try
        {
            return await sender.SendAsync(send, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Sending message {MessageId} failed unexpectedly", send.Message.Id);
            return SendOutcome.Refused(SendError.Interrupted("error", "An unexpected error stopped the send"), 0);
        }
    }
}
