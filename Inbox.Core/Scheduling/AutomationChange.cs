namespace Inbox.Core.Scheduling;

/// <summary>One automation to schedule (or move) to <paramref name="Due"/>, or, with no due time, to cancel for <paramref name="Reason"/>.</summary>
public sealed record AutomationChange(int ConversationId, AutomationKind Kind, DateTime? Due, string? Reason = null)
{
    public static AutomationChange Schedule(int conversationId, AutomationKind kind, DateTime due) => new(conversationId, kind, due);

    public static AutomationChange Cancel(int conversationId, AutomationKind kind, string reason) => new(conversationId, kind, null, reason);
}
