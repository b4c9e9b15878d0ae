namespace Inbox.Core.Privacy;

/// <summary>What erasing one contact removed: counts only, never content.</summary>
public sealed record ErasureReport(int ContactId, int Conversations, int Messages, int Notes, int WebhookBodiesCleared)
{
    public override string ToString() =>
        $"deleted: conversations {Conversations}, messages {Messages}, notes {Notes}, identities and profile; webhook bodies cleared: {WebhookBodiesCleared}";
}
