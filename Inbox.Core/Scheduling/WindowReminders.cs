using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Window-closing reminders: planned on every customer message (which moves them), cancelled when an agent answers,
/// and, when due, shown to the assignee or the team through <see cref="WindowClosingSoon"/> if the customer is still unanswered.
/// </summary>
public sealed class WindowReminders(
    IDbContextFactory<InboxDbContext> contexts, AutomationScheduler scheduler, DomainEvents events, IOptions<AutomationOptions> options, TimeProvider time)
{
    private static readonly AutomationKind[] Kinds = [AutomationKind.WindowReminder, AutomationKind.HumanAgentReminder];

    /// <summary>What the reminders of this conversation become after a customer message; standby chats get none.</summary>
    public IReadOnlyList<AutomationChange> Plan(Conversation conversation, bool standby)
    {
        var plan = standby ? [] : WindowReminderRule.Plan(ConversationFacts.Of(conversation), options.Value, time.GetUtcNow().UtcDateTime);
        return [.. Kinds.Select(kind => plan.FirstOrDefault(p => p.Kind == kind) is { Due: var due } && due != default
            ? AutomationChange.Schedule(conversation.Id, kind, due)
            : AutomationChange.Cancel(conversation.Id, kind, "No longer applies after the customer's latest message."))];
    }

    /// <summary>An agent answered: both reminders stand down, and the reopening warning is cleared.</summary>
    public async Task CancelAsync(int conversationId, string reason, CancellationToken cancellationToken = default)
    {
        foreach (var kind in Kinds)
        {
            await scheduler.CancelAsync(conversationId, kind, reason, cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Conversations.Where(c => c.Id == conversationId && c.ReopeningWarningAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReopeningWarningAt, (DateTime?)null), cancellationToken);
    }

    /// <summary>The reminder came due: re-checks the facts, then tells the assignee or the team.</summary>
    public async Task<AutomationOutcome> RemindAsync(int conversationId, AutomationKind kind, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Conversation? conversation;
        bool answered;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            conversation = await AutomationLog.LoadAsync(db, conversationId, cancellationToken);
            if (conversation is null)
            {
                return AutomationOutcome.Skipped("The conversation no longer exists.");
            }

            var since = conversation.LastInboundAt;
            answered = await db.Messages.AnyAsync(
                m => m.ConversationId == conversationId && m.Author == MessageAuthor.Agent && m.SentAt >= since && m.Status != DeliveryStatus.Failed,
                cancellationToken);
        }

        if (WindowReminderRule.WhyNot(kind, ConversationFacts.Of(conversation), conversation.Status, answered, now, out var closesAt) is { } why)
        {
            return AutomationOutcome.Skipped(why);
        }

        var detail = (kind == AutomationKind.HumanAgentReminder, conversation.AssigneeId is null) switch
        {
            (true, true) => new Phrase("Reminder to the team: the customer is unanswered and the HUMAN_AGENT window closes at {0}.", closesAt!.Value),
            (true, false) => new Phrase("Reminder to the assignee: the customer is unanswered and the HUMAN_AGENT window closes at {0}.", closesAt!.Value),
            (false, true) => new Phrase("Reminder to the team: the customer is unanswered and the reply window closes at {0}.", closesAt!.Value),
            (false, false) => new Phrase("Reminder to the assignee: the customer is unanswered and the reply window closes at {0}.", closesAt!.Value),
        };
        await AutomationLog.WriteAsync(contexts, conversationId, detail, now, cancellationToken);
        await events.PublishAsync(
            new WindowClosingSoon(conversationId, conversation.AssigneeId, conversation.TeamId, closesAt!.Value, kind == AutomationKind.HumanAgentReminder), cancellationToken);
        return AutomationOutcome.Done(detail.ToString());
    }
}
