namespace Inbox.Core.Reporting;

/// <summary>One of Facebook's counted messages, as the badge estimate reads it.</summary>
public sealed record CountedMessage(int ConversationId, DateTime ReceivedAt, int? ResponseSeconds, BadgeExclusion? Excluded = null);
