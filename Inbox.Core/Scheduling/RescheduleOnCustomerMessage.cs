using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Scheduling;

/// <summary>
/// A customer wrote: the reminders move to the new window, and a survey or follow-up waiting on a now reopened
/// conversation stands down. A webhook batch is handled as one: one read of its conversations, one transaction of changes.
/// </summary>
public sealed class RescheduleOnCustomerMessage(
    IDbContextFactory<InboxDbContext> contexts, AutomationScheduler scheduler, WindowReminders reminders, CsatSurveys surveys, PendingFollowUps followUps,
    BusinessHoursAdmin admin)
    : IDomainEventBatchHandler<MessageReceived>
{
    public async Task HandleAsync(IReadOnlyList<MessageReceived> domainEvents, CancellationToken cancellationToken)
    {
        // Only the latest message of each conversation matters: it is the one the window runs from.
        var latest = domainEvents.GroupBy(e => e.ConversationId).ToDictionary(g => g.Key, g => g.Last());
        var ids = latest.Keys.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversations = await db.Conversations.AsNoTrackingWithIdentityResolution().Include(c => c.Channel)
            .Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var settings = await admin.SettingsAsync(cancellationToken);
        var changes = new List<AutomationChange>();
        foreach (var (id, received) in latest)
        {
            if (!conversations.TryGetValue(id, out var conversation))
            {
                continue;
            }

            changes.AddRange(reminders.Plan(conversation, received.Standby));
            if (surveys.Follow(id, conversation) is { } survey)
            {
                changes.Add(survey);
            }

            changes.Add(followUps.Follow(id, conversation, settings));
        }

        await scheduler.ApplyAsync(changes, cancellationToken);
    }
}
