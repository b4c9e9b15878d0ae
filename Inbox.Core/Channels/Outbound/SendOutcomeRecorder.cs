using Inbox.Core.Channels.Line;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Outbound;

/// <summary>Stores how a send ended, in one transaction: the message's new state, the channel's alerts, the used reply token and quota.</summary>
public static class SendOutcomeRecorder
{
    /// <summary>
    /// Applies <paramref name="outcome"/> to the tracked message and channel and saves; returns the message's new status.
    /// The message's <see cref="Message.SendAttempts"/> already counts every call of this send.
    /// </summary>
    public static async Task<DeliveryStatus> SaveAsync(InboxDbContext db, OutboundSend send, SendOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        var (message, channel) = (send.Message, send.Channel);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        message.SendingSince = null;
        switch (outcome.Error)
        {
            case null:
                await MarkSentAsync(db, message, outcome.PlatformMessageId, now, cancellationToken);
                channel.SendRestrictedAt = null;

                // Meta: a service message from the business takes the conversation over from its AI agent.
                send.Conversation.MetaAgentActive = false;
                break;
            case { Kind: SendErrorKind.Auth } error:
                // Held, not failed: the dispatcher skips the channel until an admin enters a new token, then it goes out.
                channel.AuthError = error.Message;
                channel.AuthErrorAt = now;
                message.Status = DeliveryStatus.Queued;
                (message.ErrorCode, message.ErrorMessage, message.Failure) = (error.Code, error.Message, null);
                break;
            case { Kind: SendErrorKind.Transient } error:
                Fail(message, SendFailure.RetriesExhausted, error.Code, $"Not delivered after {message.SendAttempts} attempts. {error.Message}");
                break;
            case { } error:
                Fail(message, error.Failure ?? SendFailure.Rejected, error.Code, error.Message);
                if (error.Failure == SendFailure.HumanAgentNotApproved)
                {
                    channel.HumanAgentRefusedAt = now;
                }

                if (error.Failure == SendFailure.PageRestricted)
                {
                    channel.SendRestrictedAt = now;
                }

                if (error.Failure == SendFailure.QuotaExhausted && channel.LineQuotaLimit is { } limit)
                {
                    // LINE says the allowance is gone whatever our count says: the policy refuses further pushes until the next fetch.
                    channel.LineQuotaUsed = Math.Max(limit, channel.LineQuotaUsed ?? 0);
                }

                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (outcome.ConsumedReplyToken is { } token)
        {
            // Only the token this send used: a newer one from a later customer message stays.
            await db.Conversations.Where(c => c.Id == send.Conversation.Id && c.LineReplyToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LineReplyToken, (string?)null).SetProperty(c => c.LineReplyTokenAt, (DateTime?)null), cancellationToken);
        }

        if (outcome.UsedPushQuota)
        {
            await LineQuotaService.CountPushAsync(db, channel.Id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return message.Status;
    }

    private static async Task MarkSentAsync(InboxDbContext db, Message message, string? platformMessageId, DateTime now, CancellationToken cancellationToken)
    {
        if (platformMessageId is not null)
        {
            // The platform's echo of this very send may have been stored first; ours is the one to keep (the id is unique per channel).
            await db.Messages
                .Where(m => m.ChannelId == message.ChannelId && m.PlatformMessageId == platformMessageId && m.Id != message.Id && m.Author == MessageAuthor.Echo)
                .ExecuteDeleteAsync(cancellationToken);
        }

        message.PlatformMessageId = platformMessageId;
        message.Status = DeliveryStatus.Sent;
        message.SentAt = now;
        (message.ErrorCode, message.ErrorMessage, message.Failure) = (null, null, null);
    }

    private static void Fail(Message message, SendFailure failure, string code, string text)
    {
        message.Status = DeliveryStatus.Failed;
        (message.ErrorCode, message.ErrorMessage, message.Failure) = (code, text, failure);
    }
}
