using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Applies inbound items to conversations, inside the caller's <see cref="InboundBatch"/> transaction. Each keyed event
/// (message, echo, comment) is saved together with its <see cref="InboundEvent"/> key, so a redelivered event finds
/// its key and changes nothing, and <see cref="MessageReceived"/> is raised exactly once per customer message.
/// </summary>
public sealed class InboundRecorder(
    TimeProvider time, DomainEvents events, StatusRecorder statuses, IdentityRecorder identities, Reporting.CsatRecorder csatFacts, ILogger<InboundRecorder> logger)
{
    /// <summary>Records one item; its effects wait in the batch until <see cref="PublishAsync"/> after the commit.</summary>
    public async Task RecordAsync(InboundBatch batch, int channelId, long deliveryId, InboundItem item, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        switch (item)
        {
            case InboundIgnored ignored:
                logger.LogInformation("Channel {ChannelId}: acknowledged and ignored ({Kind}) {What}.", channelId, ignored.Kind, ignored.What);
                return;
            case InboundUnattributed unattributed:
                // The processor parks the delivery as failed; the warning says why, where an operator looks.
                logger.LogWarning("Channel {ChannelId}: webhook delivery {DeliveryId} has an event the inbox cannot attribute: {Reason}.", channelId, deliveryId, unattributed.Reason);
                return;
            case InboundIdentityChange { EventId: null } change:
                await identities.MoveAsync(await batch.ThreadsAsync(channelId, now, cancellationToken), change, cancellationToken);
                return;
            case InboundStatusUpdate update:
                await statuses.RecordAsync(batch, channelId, update, cancellationToken);
                return;
            case InboundTemplateStatus template:
                var changed = await Replies.TemplateSync.ApplyStatusAsync(
                    batch.Db, template.BusinessAccountId, template.Name, template.Language, template.Status, template.Reason, cancellationToken);
                logger.LogInformation("Template {Name} ({Language}) is {Status} at Meta; {Count} registered copies updated.", template.Name, template.Language, template.Status, changed);
                return;
            case InboundHandover handover:
                await RecordHandoverAsync(await batch.ThreadsAsync(channelId, now, cancellationToken), handover, cancellationToken);
                return;
        }

        var eventId = item.EventId!;
        if (batch.IsKnown(channelId, eventId))
        {
            logger.LogInformation("Channel {ChannelId}: event {EventId} was already handled; redelivery ignored.", channelId, eventId);
            return;
        }

        var threads = await batch.ThreadsAsync(channelId, now, cancellationToken);
        var recorded = item switch
        {
            // The same message under another event id (a platform's retry with a fresh event id): the copy is not stored.
            InboundMessage or InboundComment when batch.HoldsMessage(channelId, InboundBatch.PlatformMessageId(item)!) => Duplicate(channelId, eventId),
            InboundMessage message => await RecordMessageAsync(threads, message, cancellationToken),
            InboundEcho echo => await RecordEchoAsync(threads, echo, cancellationToken),
            InboundComment comment => await RecordCommentAsync(threads, comment, cancellationToken),
            InboundIdentityChange change => await identities.MoveAsync(threads, change, cancellationToken),
            _ => throw new NotSupportedException(item.GetType().Name),
        };
        batch.Db.InboundEvents.Add(new InboundEvent { ChannelId = channelId, EventId = eventId, DeliveryId = deliveryId, ProcessedAt = now });
        batch.Recorded(channelId, eventId, recorded, threads.CreatedConversation, recorded is null ? null : threads.CsatAnswer);
    }

    private Message? Duplicate(int channelId, string eventId)
    {
        logger.LogInformation("Channel {ChannelId}: event {EventId} duplicates a stored message; ignored.", channelId, eventId);
        return null;
    }

    /// <summary>After the batch committed: records the CSAT answers and tells the rest of the app, one batch per kind of event.</summary>
    public async Task PublishAsync(InboundBatch batch, CancellationToken cancellationToken = default)
    {
        foreach (var (conversationId, score, at) in batch.CsatAnswers)
        {
            await csatFacts.AnsweredAsync(conversationId, score, at, cancellationToken);
        }

        await events.PublishAllAsync(batch.Received, cancellationToken);
        await events.PublishAllAsync(batch.StatusChanges, cancellationToken);
    }

    private static async Task<Message> RecordMessageAsync(Threads threads, InboundMessage inbound, CancellationToken cancellationToken)
    {
        var contact = await threads.ContactAsync(inbound.SenderId, inbound.SenderName, cancellationToken, inbound.Identity);

        // A rating answering the CSAT question is recorded without reopening the resolved conversation.
        var conversation = await threads.DirectConversationAsync(contact, reopen: true, cancellationToken, keepStatus: c => Scheduling.CsatAnswer.Read(c, inbound.Text) is not null);
        conversation.StartedFromAd |= inbound.FromAd;
        if (Scheduling.CsatAnswer.Read(conversation, inbound.Text) is { } score)
        {
            conversation.CsatScore = score;
            threads.CsatAnswer = (score, inbound.At);
            threads.Db.Activities.Add(new ConversationActivity
            {
                ConversationId = conversation.Id, At = inbound.At, Kind = ActivityKind.Automation, Actor = "Customer", Detail = $"CSAT answer recorded: {score}/5.",
            });
        }

        // Only the customer's own messages move the window, and never backwards (deliveries can arrive out of order).
        if (conversation.LastInboundAt is null || inbound.At > conversation.LastInboundAt)
        {
            conversation.LastInboundAt = inbound.At;

            // WhatsApp: the field the newest message came on says who holds the conversation, Meta's AI agent or the inbox.
            if (threads.Channel.Kind == ChannelKind.WhatsApp)
            {
                conversation.MetaAgentActive = inbound.Standby;
            }

            conversation.LineMarkAsReadToken = inbound.MarkAsReadToken ?? conversation.LineMarkAsReadToken;
            if (threads.Channel.Kind == ChannelKind.Line && inbound.ReplyToken is not null)
            {
                conversation.LineReplyToken = inbound.ReplyToken;
                conversation.LineReplyTokenAt = inbound.At;
            }
        }

        conversation.UnreadCount++;
        var stored = threads.AddMessage(conversation, new Message
        {
            ChannelId = threads.Channel.Id,
            Direction = MessageDirection.Inbound,
            Author = MessageAuthor.Customer,
            PlatformMessageId = inbound.PlatformMessageId,
            Text = inbound.Text,
            SentAt = inbound.At,
            Status = DeliveryStatus.Received,
            AttachmentType = inbound.AttachmentType,
            AttachmentUrl = inbound.AttachmentUrl,
            Standby = inbound.Standby,
        });
        Media.PendingDownloads.Add(threads.Db, stored, inbound.Attachments, threads.Now);
        return stored;
    }

    private async Task<Message?> RecordEchoAsync(Threads threads, InboundEcho echo, CancellationToken cancellationToken)
    {
        var batch = threads.Batch;
        var db = threads.Db;
        if (echo.Metadata is { } metadata && metadata.StartsWith("inbox:", StringComparison.Ordinal)
            && long.TryParse(metadata.AsSpan(6), out var ourId)
            && await db.Messages.SingleOrDefaultAsync(m => m.Id == ourId && m.ChannelId == threads.Channel.Id, cancellationToken) is { } ours)
        {
            // Our own send, echoed back, perhaps before the Send API's answer was saved: it proves the message left.
            ours.PlatformMessageId ??= echo.Mid;
            batch.Holds(ours.ChannelId, ours.PlatformMessageId);
            if (ours.Status is DeliveryStatus.Queued or DeliveryStatus.Sending)
            {
                ours.Status = DeliveryStatus.Sent;
            }

            return null;
        }

        if (batch.HoldsMessage(threads.Channel.Id, echo.Mid))
        {
            return null;
        }

        logger.LogInformation("Channel {ChannelId}: recorded message {Mid} sent {By}.", threads.Channel.Id, echo.Mid, echo.ByMetaAgent ? "by Meta's AI agent" : "from another tool");
        var contact = await threads.ContactAsync(echo.RecipientId, null, cancellationToken, echo.Identity);
        var conversation = await threads.DirectConversationAsync(contact, reopen: false, cancellationToken);
        conversation.MetaAgentActive |= echo.ByMetaAgent;
        return threads.AddMessage(conversation, new Message
        {
            ChannelId = threads.Channel.Id,
            Direction = MessageDirection.Outbound,
            Author = echo.ByMetaAgent ? MessageAuthor.MetaAgent : MessageAuthor.Echo,
            PlatformMessageId = echo.Mid,
            Text = echo.Text,
            SentAt = echo.At,
            Status = DeliveryStatus.Sent,
            Standby = echo.ByMetaAgent,
        });
    }

    private static async Task RecordHandoverAsync(Threads threads, InboundHandover handover, CancellationToken cancellationToken)
    {
        if (await threads.FindAsync(handover.CustomerKey, cancellationToken) is not { } contact)
        {
            return;
        }

        var conversation = await threads.DirectConversationAsync(contact, reopen: false, cancellationToken);
        conversation.MetaAgentActive = handover.MetaAgentActive;
        threads.Db.Activities.Add(new ConversationActivity
        {
            ConversationId = conversation.Id, At = handover.At, Kind = ActivityKind.Automation, Actor = "Meta",
            Detail = handover.MetaAgentActive ? "Meta's AI agent took the conversation over." : "Meta handed the conversation to the inbox.",
        });
    }

    private static async Task<Message?> RecordCommentAsync(Threads threads, InboundComment comment, CancellationToken cancellationToken)
    {
        if (threads.Db.Conversations.Local.Any(c => c.ChannelId == threads.Channel.Id && c.CommentId == comment.CommentId)
            || await threads.Db.Conversations.AnyAsync(c => c.ChannelId == threads.Channel.Id && c.CommentId == comment.CommentId, cancellationToken))
        {
            return null;
        }

        var contact = await threads.ContactAsync(comment.AuthorId, comment.AuthorName, cancellationToken);
        var conversation = threads.NewConversation(contact, ConversationKind.Comment);
        conversation.CommentId = comment.CommentId;
        conversation.CommentAt = comment.At;
        conversation.LastInboundAt = comment.At;
        conversation.UnreadCount = 1;
        return threads.AddMessage(conversation, new Message
        {
            ChannelId = threads.Channel.Id,
            Direction = MessageDirection.Inbound,
            Author = MessageAuthor.Customer,
            PlatformMessageId = comment.CommentId,
            Text = comment.Text,
            SentAt = comment.At,
            Status = DeliveryStatus.Received,
        });
    }
}
