using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Scheduling;

/// <summary>An agent answered: the window-closing reminders are no longer needed. Automated messages (away, survey) are no answer.</summary>
public sealed class CancelRemindersOnAgentReply(IDbContextFactory<InboxDbContext> contexts, WindowReminders reminders) : IDomainEventHandler<MessageQueued>
{
    public async Task HandleAsync(MessageQueued domainEvent, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var author = await db.Messages.Where(m => m.Id == domainEvent.MessageId).Select(m => (MessageAuthor?)m.Author).SingleOrDefaultAsync(cancellationToken);
            if (author != MessageAuthor.Agent)
            {
                return;
            }
        }

        await reminders.CancelAsync(domainEvent.ConversationId, "An agent answered.", cancellationToken);
    }
}
