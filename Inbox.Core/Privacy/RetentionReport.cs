namespace Inbox.Core.Privacy;

/// <summary>What one retention run removed: counts only, never content.</summary>
public sealed record RetentionReport(int WebhookBodiesCleared, int ConversationsDeleted, int MessagesDeleted, int NotesDeleted, int ContactsDeleted)
{
    public override string ToString() =>
        $"webhook bodies cleared: {WebhookBodiesCleared}; resolved conversations deleted: {ConversationsDeleted} "
        + $"(messages {MessagesDeleted}, notes {NotesDeleted}); contacts deleted: {ContactsDeleted}";
}
