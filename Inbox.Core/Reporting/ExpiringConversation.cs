namespace Inbox.Core.Reporting;

/// <summary>An open conversation whose current reply window ends soon.</summary>
public sealed record ExpiringConversation(int ConversationId, string Contact, string Channel, DateTime Deadline);
