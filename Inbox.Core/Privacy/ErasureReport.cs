namespace Inbox.Core.Privacy;

/// <summary>What erasing one contact removed: counts only, never content.</summary>
public sealed record ErasureReport(int ContactId, int Conversations, int Messages, int Notes, int WebhookBodiesCleared)
{
    public override string ToString() =>
        $"{Conversations} conversations, {Messages} messages, {Notes} notes, identities and profile deleted; {WebhookBodiesCleared} webhook bodies cleared";
}
