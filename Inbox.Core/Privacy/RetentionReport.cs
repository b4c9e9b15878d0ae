namespace Inbox.Core.Privacy;

/// <summary>What one retention run removed: counts only, never content.</summary>
public sealed record RetentionReport(int WebhookBodiesCleared, int ConversationsDeleted, int MessagesDeleted, int NotesDeleted, int ContactsDeleted)
{
    public override string ToString() =>
        $"{WebhookBodiesCleared} webhook bodies cleared; {ConversationsDeleted} resolved conversations deleted "
        + $"with {MessagesDeleted} messages and {NotesDeleted} notes; {ContactsDeleted} contacts deleted";
}
