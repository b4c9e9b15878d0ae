namespace Inbox.Core.Reporting;

/// <summary>A counted message that pulls the badge figures down: never answered, or answered slowly.</summary>
/// <param name="ResponseSeconds">Null when it got no reply.</param>
public sealed record BadgeOffender(int ConversationId, DateTime ReceivedAt, int? ResponseSeconds, string? Contact = null);
