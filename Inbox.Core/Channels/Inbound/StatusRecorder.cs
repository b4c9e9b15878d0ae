using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Inbox.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Moves our sent messages forward on the platform's word: sent → delivered → read, or failed with the reason.
/// Statuses never move backwards, so a redelivered or late status changes nothing.
/// </summary>
public sealed class StatusRecorder(ILogger<StatusRecorder> logger)
{
    /// <summary>Applies the status inside the batch's transaction; the <see cref="MessageStatusChanged"/> events wait in the batch.</summary>
    public async Task RecordAsync(InboundBatch batch, int channelId, InboundStatusUpdate update, CancellationToken cancellationToken = default)
    {
        var db = batch.Db;
        var outbound = db.Messages.Where(m => m.ChannelId == channelId && m.Direction == MessageDirection.Outbound);
        var messages = new List<Message>();
        if (update.PlatformMessageIds.Count > 0)
        {
            messages.AddRange(await outbound.Where(m => update.PlatformMessageIds.Contains(m.PlatformMessageId!)).ToListAsync(cancellationToken));
        }

        if (update.Watermark is { } watermark && update.CustomerId is { } customer)
        {
            messages.AddRange(await outbound
                .Where(m => m.Conversation!.Contact!.ExternalId == customer && m.SentAt <= watermark
                    && (m.Status == DeliveryStatus.Sent || m.Status == DeliveryStatus.Delivered))
                .ToListAsync(cancellationToken));
        }

        messages = messages.DistinctBy(m => m.Id).ToList();
        if (update.RawStatus is not null || update.Pricing is not null)
        {
            await RecordPlatformWordsAsync(db, messages.Where(m => update.PlatformMessageIds.Contains(m.PlatformMessageId!)).ToList(), update, cancellationToken);
        }

        var changed = messages.Where(m => Advance(m, update)).ToList();
        if (messages.Count == 0 && update.PlatformMessageIds.Count > 0)
        {
            logger.LogInformation("Channel {ChannelId}: {Status} for {Ids}, which this inbox did not send.", channelId, update.Status, string.Join(", ", update.PlatformMessageIds));
        }

        batch.StatusChanges.AddRange(changed.Select(m => new MessageStatusChanged(m.ConversationId, m.Id, m.Status)));
    }

    /// <summary>
    /// Keeps the raw status and Meta's pricing on the message, and on its send fact when the message was already
    /// counted: reports take the category and billing from Meta's word wherever it arrived.
    /// </summary>
    private static async Task RecordPlatformWordsAsync(InboxDbContext db, IReadOnlyList<Message> messages, InboundStatusUpdate update, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            message.PlatformStatus = update.RawStatus ?? message.PlatformStatus;
            if (update.Pricing is not { } pricing)
            {
                continue;
            }

            message.PricingCategory = pricing.Category ?? message.PricingCategory;
            message.PricingType = pricing.Type ?? message.PricingType;
            message.Billable = pricing.Billed ?? message.Billable;
            var (id, category, billable) = (message.Id, message.PricingCategory, message.Billable);
            await db.Set<SendFact>().Where(f => f.MessageId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.PricingCategory, category).SetProperty(f => f.Billable, billable), cancellationToken);
        }
    }

    private static bool Advance(Message message, InboundStatusUpdate update)
    {
        if (update.Status is null)
        {
            return false;
        }

        if (update.Status == DeliveryStatus.Failed)
        {
            if (message.Status is not (DeliveryStatus.Sending or DeliveryStatus.Sent))
            {
                return false;
            }

            message.Status = DeliveryStatus.Failed;
            message.ErrorCode = update.ErrorCode;
            (message.Failure, message.ErrorMessage) = WhatsAppStatusFailure(update.ErrorCode, update.ErrorMessage, message.TemplateName);
            return true;
        }

        if (message.Status is DeliveryStatus.Failed or DeliveryStatus.Queued || Rank(update.Status.Value) <= Rank(message.Status))
        {
            return false;
        }

        message.Status = update.Status.Value;
        return true;
    }

    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sending => 0,
        DeliveryStatus.Sent => 1,
        DeliveryStatus.Delivered => 2,
        DeliveryStatus.Read => 3,
        _ => -1,
    };

    /// <summary>WhatsApp reports some refusals only later, in <c>statuses[].errors[]</c> (docs/platform-rules.md §3): mapped as on the send call.</summary>
    private static (SendFailure, string) WhatsAppStatusFailure(string? code, string? detail, string? templateName)
    {
        if (int.TryParse(code, out var number) && Channels.Outbound.SendErrorClassifier.WhatsApp(number, code!, detail ?? code!, templateName) is { } known)
        {
            return (known.Failure!.Value, known.Message);
        }

        return code switch
        {
            "132001" => (SendFailure.TemplateRejected, $"Not delivered: WhatsApp refused the template ({detail ?? code})."),
            "131026" => (SendFailure.RecipientUnavailable, $"Not delivered: the customer cannot receive this message ({detail ?? code})."),
            _ => (SendFailure.Rejected, $"Not delivered: {detail ?? "WhatsApp reported a failure"} ({code ?? "no code"})."),
        };
    }
}
