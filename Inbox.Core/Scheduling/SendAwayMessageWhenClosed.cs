using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Scheduling;

/// <summary>
/// A customer wrote: outside business hours, send the away message (once per closed period, through the normal send
/// path as an automation) and flag the conversation when its window ends before the next opening.
/// </summary>
public sealed class SendAwayMessageWhenClosed(
    IDbContextFactory<InboxDbContext> contexts, BusinessHoursAdmin hours, ConversationCommands commands, TimeProvider time, ILogger<SendAwayMessageWhenClosed> logger)
    : IDomainEventHandler<MessageReceived>
{
    public async Task HandleAsync(MessageReceived domainEvent, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await AutomationLog.LoadAsync(db, domainEvent.ConversationId, cancellationToken) is not { } conversation)
        {
            return;
        }

        var stored = await hours.ForTeamAsync(conversation.TeamId, cancellationToken);
        var calendar = stored is null ? BusinessCalendar.AlwaysOpen : BusinessHoursText.Calendar(stored) ?? BusinessCalendar.AlwaysOpen;
        var now = time.GetUtcNow().UtcDateTime;
        var facts = ConversationFacts.Of(conversation);

        var warning = domainEvent.Standby ? null : ReopeningWarning.FlagFor(facts, calendar, now);
        if (warning != conversation.ReopeningWarningAt)
        {
            await db.Conversations.Where(c => c.Id == conversation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReopeningWarningAt, warning), cancellationToken);
        }

        var decision = AwayMessageRule.Decide(
            conversation.Kind, domainEvent.Standby, calendar, now, conversation.AwayOpeningAt, stored?.AwayMessage ?? "",
            ReplyPolicy.Evaluate(facts, now, SenderKind.Automation));
        if (!decision.Send)
        {
            return;
        }

        // Claim the closed period first: two messages arriving together send one away message.
        var period = decision.Period!.Value;
        var claimed = await db.Conversations
            .Where(c => c.Id == conversation.Id && (c.AwayOpeningAt == null || c.AwayOpeningAt != period))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AwayOpeningAt, period), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var text = AwayMessageRule.Render(stored!.AwayMessage, conversation.Contact!.Name, period, calendar.Zone, now);
        var result = await commands.QueueReplyAsync(conversation.Id, new ReplyRequest(text, ReplyType.FreeForm), SenderKind.Automation, agentId: null, cancellationToken);
        var detail = result.Status == CommandStatus.Done ? "Away message sent (outside business hours)." : $"Away message not sent: {result.Error}";
        await AutomationLog.WriteAsync(contexts, conversation.Id, detail, now, cancellationToken);
        logger.LogInformation("Conversation {ConversationId}: {Detail}", conversation.Id, detail);
    }
}
