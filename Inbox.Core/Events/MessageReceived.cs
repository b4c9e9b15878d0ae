namespace Inbox.Core.Events;

/// <summary>A customer message was stored for the first time (never raised again for a redelivery).</summary>
/// <param name="Standby">LINE standby mode: another module answers; automations must stay silent.</param>
public sealed record MessageReceived(int ConversationId, long MessageId, int ChannelId, bool NewConversation, bool Standby);
