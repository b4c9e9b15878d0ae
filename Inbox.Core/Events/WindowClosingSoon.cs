namespace Inbox.Core.Events;

/// <summary>
/// A reminder came due: the customer is still unanswered and a window closes at <paramref name="ClosesAt"/>. Shown in-app to
/// the assignee, or to the team (everyone, when the conversation has no team) while nobody has it.
/// </summary>
/// <param name="HumanAgent">The closing window is the 7-day HUMAN_AGENT one (the second reminder), not the standard one.</param>
public sealed record WindowClosingSoon(int ConversationId, int? AssigneeId, int? TeamId, DateTime ClosesAt, bool HumanAgent);
