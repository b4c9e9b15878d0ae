using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Localization;
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
    : IDomainEventBatchHandler<MessageReceived>
{
    public async Task HandleAsync(IReadOnlyList<MessageReceived> domainEvents, CancellationToken cancellationToken)
    {
        // The latest message of each conversation decides; the business hours are read once per team.
        var latest = domainEvents.GroupBy(e => e.ConversationId).ToDictionary(g => g.Key, g => g.Last());
        var ids = latest.Keys.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversations = await db.Conversations.AsNoTrackingWithIdentityResolution().Include(c => c.Channel).Include(c => c.Contact)
            .Where(c => ids.Contains(c.Id))
            .ToListAsync(cancellationToken);
        var teams = new Dictionary<int, (BusinessHours? Stored, BusinessCalendar Calendar)>();
        foreach (var conversation in conversations)
        {
            var team = conversation.TeamId ?? 0;
            if (!teams.TryGetValue(team, out var hoursOfTeam))
            {
                var stored = await hours.ForTeamAsync(conversation.TeamId, cancellationToken);
                teams[team] = hoursOfTeam = (stored, stored is null ? BusinessCalendar.AlwaysOpen : BusinessHoursText.Calendar(stored) ?? BusinessCalendar.AlwaysOpen);
            }

            await HandleAsync(db, conversation, latest[conversation.Id].Standby, hoursOfTeam.Stored, hoursOfTeam.Calendar, cancellationToken);
        }
    }

    private async Task HandleAsync(
        InboxDbContext db, Conversation conversation, bool standby, BusinessHours? stored, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var facts = ConversationFacts.Of(conversation);

        var warning = standby ? null : ReopeningWarning.FlagFor(facts, calendar, now);
        if (warning != conversation.ReopeningWarningAt)
        {
            await db.Conversations.Where(c => c.Id == conversation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReopeningWarningAt, warning), cancellationToken);
        }

        var decision = AwayMessageRule.Decide(
            conversation.Kind, standby, calendar, now, conversation.AwayOpeningAt, stored?.AwayMessage ?? "",
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

        // The customer's language picks the translation (docs/platform-rules.md §4a); the default text otherwise.
        // {next_opening} then names the day in that language too.
        var translation = Languages.Pick(conversation.Contact!.Language, stored!.AwayMessages);
        var text = AwayMessageRule.Render(translation?.Value ?? stored.AwayMessage, conversation.Contact.Name, period, calendar.Zone, now, translation?.Key);
        var result = await commands.QueueReplyAsync(conversation.Id, new ReplyRequest(text, ReplyType.FreeForm), SenderKind.Automation, agentId: null, cancellationToken);
        var detail = result.Status == CommandStatus.Done
            ? new Phrase("Away message sent (outside business hours).")
            : new Phrase("Away message not sent: {0}", result.Problem!);
        await AutomationLog.WriteAsync(contexts, conversation.Id, detail, now, cancellationToken);
        logger.LogInformation("Conversation {ConversationId}: {Detail}", conversation.Id, detail);
    }
}
