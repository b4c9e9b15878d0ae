using System.Text.Json;
using Inbox.Core.Events;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Inbox.Core.Replies;
using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Conversations;

/// <summary>
/// Changes to conversations: queueing replies (only what the platform allows at this instant) and status. Assignment is
/// <see cref="AssignmentService"/>'s.
/// Each runs in one short-lived context and records who acted.
/// </summary>
public sealed class ConversationCommands(IDbContextFactory<InboxDbContext> contexts, TimeProvider time, DomainEvents events)
{
    /// <summary>Queues a reply if its type is allowed now; otherwise stores nothing and says why.</summary>
    public async Task<CommandResult> QueueReplyAsync(int conversationId, ReplyRequest request, SenderKind sender, int? agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversation = await db.Conversations.Include(c => c.Channel).SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return CommandResult.NotFound(new Phrase("Conversation {0} does not exist.", conversationId));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var decision = ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), now, sender);
        var type = request.ReplyType ?? decision.Suggested;
        if (type is not { } replyType)
        {
            return CommandResult.NotAllowed(decision.Options.FirstOrDefault(o => o.Why is not null)?.Why ?? new Phrase("Nothing can be sent in this conversation now."));
        }

        if (ReplyValidation.Check(request, replyType, conversation.Channel!.Kind) is { } invalid)
        {
            return CommandResult.Invalid(invalid);
        }

        var option = decision.For(replyType);
        if (option is null)
        {
            return CommandResult.NotAllowed($"A {ReplyTypeNames.Of(replyType).ToLowerInvariant()} does not exist for {conversation.Channel.Kind} {conversation.Kind.ToString().ToLowerInvariant()} conversations.");
        }

        if (!option.Allowed)
        {
            return CommandResult.NotAllowed(option.Why!);
        }

        var template = request.Template is { } named ? await TemplateRegistry.FindAsync(db, conversation.ChannelId, named.Name, named.Language, cancellationToken) : null;
        if (template is not null && !template.Sendable)
        {
            return CommandResult.NotAllowed(
                $"The template {template.Name} ({template.Language}) is {TemplateStatuses.Label(template.Status)} at Meta and cannot be sent"
                + (template.StatusReason is { } reason ? $": {reason}." : "."));
        }

        if (template is not null && TemplateBody.CheckParameters(template, request.Template!) is { } badParameters)
        {
            return CommandResult.Invalid(badParameters);
        }

        if (replyType == ReplyType.PrivateReply)
        {
            // Meta allows one private reply per comment: claim it atomically so two agents cannot both send one.
            var claimed = await db.Conversations
                .Where(c => c.Id == conversationId && !c.PrivateReplyUsed)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.PrivateReplyUsed, true), cancellationToken);
            if (claimed == 0)
            {
                return CommandResult.NotAllowed(new Phrase("The one private reply {0} allows for this comment was already sent.", "Meta"));
            }
        }

        var message = new Message
        {
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Outbound,
            Author = sender == SenderKind.Human ? MessageAuthor.Agent : MessageAuthor.Automation,
            Text = request.Template is { } t ? TemplateText(t, template) : request.Text?.Trim() is { Length: > 0 } typed ? typed : request.File!.Placeholder,
            SentAt = now,
            CreatedAt = now,
            ReplyType = replyType,
            Status = DeliveryStatus.Queued,
            AgentId = agentId,
            TemplateName = request.Template?.Name,
            TemplateLanguage = request.Template?.Language,
            TemplateParameters = request.Template is { } tp ? JsonSerializer.Serialize(tp.Parameters) : null,
            TemplateHeaderParameters = request.Template is { Header.Count: > 0 } th ? JsonSerializer.Serialize(th.Header) : null,
            TemplateButtonParameters = request.Template is { Buttons.Count: > 0 } tb ? JsonSerializer.Serialize(tb.Buttons) : null,
        };
        db.Messages.Add(message);
        if (request.File is { } file)
        {
            // Stored like a customer's file, so the timeline and the API show what was sent.
            message.Attachments.Add(new Media.Attachment
            {
                ChannelId = conversation.ChannelId, Kind = file.Kind, MimeType = file.MimeType, FileName = file.FileName, Size = file.Size,
                StoredAs = file.StoredAs, Status = Media.AttachmentStatus.Stored, CreatedAt = now,
            });
        }

        if (sender == SenderKind.Human && agentId is { } author && conversation.AssigneeId is null)
        {
            await AssignmentService.SelfAssignAsync(db, conversation, author, now, cancellationToken);
        }

        conversation.LastMessageAt = now;
        conversation.LastMessagePreview = message.Text.Length > 200 ? message.Text[..200] : message.Text;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await events.PublishAsync(new MessageQueued(conversation.Id, message.Id), cancellationToken);
        return CommandResult.Done(message);
    }

    /// <summary>An agent opened the conversation: its unread count goes back to zero.</summary>
    public async Task MarkReadAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Conversations
            .Where(c => c.Id == conversationId && c.UnreadCount > 0)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.UnreadCount, 0), cancellationToken);
        if (changed > 0)
        {
            await events.PublishAsync(new ConversationUpdated(conversationId, ConversationUpdate.Read), cancellationToken);
        }
    }

    /// <summary>Moves the conversation to open, pending or resolved.</summary>
    public async Task<CommandResult> SetStatusAsync(int conversationId, ConversationStatus status, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return CommandResult.NotFound(new Phrase("Conversation {0} does not exist.", conversationId));
        }

        if (conversation.Status != status)
        {
            db.Activities.Add(new ConversationActivity
            {
                ConversationId = conversationId,
                At = time.GetUtcNow().UtcDateTime,
                Kind = ActivityKind.StatusChanged,
                Actor = actor,
                Detail = $"{conversation.Status} → {status}",
            });
            conversation.Status = status;
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new ConversationUpdated(conversationId, ConversationUpdate.Status), cancellationToken);
        }

        return CommandResult.Done();
    }

    /// <summary>
    /// Queues a new copy of a reply that was not delivered, when retrying can help (<see cref="RetryRules"/>). The
    /// copy goes through <see cref="QueueReplyAsync"/>, so the policy decides again; the failed message stays as it was.
    /// </summary>
    public async Task<CommandResult> RetryAsync(long messageId, int? agentId, CancellationToken cancellationToken = default)
    {
        Message? failed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            failed = await db.Messages.AsNoTracking().Include(m => m.Attachments).SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        }

        if (failed is null)
        {
            return CommandResult.NotFound(new Phrase("Message {0} does not exist.", messageId));
        }

        if (!RetryRules.CanRetry(failed))
        {
            return CommandResult.Invalid(new Phrase("This reply cannot be retried: sending it again would fail the same way."));
        }

        var template = failed.TemplateName is { } name
            ? new TemplateReply(
                name,
                failed.TemplateLanguage ?? "",
                JsonSerializer.Deserialize<string[]>(failed.TemplateParameters ?? "[]") ?? [],
                failed.TemplateHeaderParameters is { } header ? JsonSerializer.Deserialize<string[]>(header) : null,
                failed.TemplateButtonParameters is { } buttons ? JsonSerializer.Deserialize<Dictionary<int, string>>(buttons) : null)
            : null;
        var sender = failed.Author == MessageAuthor.Automation ? SenderKind.Automation : SenderKind.Human;
        var file = failed.Attachments.FirstOrDefault(a => a.StoredAs is not null) is { } sent ? Media.OutgoingFile.Of(sent) : null;
        var text = file is not null && failed.Text == file.Placeholder ? null : failed.Text;
        return await QueueReplyAsync(
            failed.ConversationId, new ReplyRequest(template is null ? text : null, failed.ReplyType, template, file), sender, agentId ?? failed.AgentId, cancellationToken);
    }

    /// <summary>A registered template's body with its parameters filled in; for one not registered here, its name and parameters.</summary>
    private static string TemplateText(TemplateReply template, MessageTemplate? registered) =>
        registered is not null ? TemplateBody.Render(registered.Body, template.Parameters)
        : template.Parameters.Count == 0
            ? $"Template {template.Name} ({template.Language})"
            : $"Template {template.Name} ({template.Language}): {string.Join(" · ", template.Parameters)}";
}
