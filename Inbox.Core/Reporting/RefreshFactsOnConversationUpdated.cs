using Inbox.Core.Events;

namespace Inbox.Core.Reporting;

/// <summary>A new assignee or team takes the waiting turns; marked done, an unanswered turn stops waiting. A batch (a webhook batch's auto-assignments) is rebuilt together.</summary>
public sealed class RefreshFactsOnConversationUpdated(ResponseFactsUpdater facts) : IDomainEventBatchHandler<ConversationUpdated>
{
    public Task HandleAsync(IReadOnlyList<ConversationUpdated> domainEvents, CancellationToken cancellationToken)
    {
        var changed = domainEvents.Where(e => e.What != ConversationUpdate.Read).Select(e => e.ConversationId).Distinct().ToList();
        return changed.Count == 0 ? Task.CompletedTask : facts.RefreshConversationsAsync(changed, cancellationToken);
    }
}
