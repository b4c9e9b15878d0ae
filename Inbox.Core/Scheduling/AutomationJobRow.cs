namespace Inbox.Core.Scheduling;

/// <summary>One scheduled automation as the Jobs page lists it.</summary>
public sealed record AutomationJobRow(
    long Id, AutomationKind Kind, int ConversationId, string ContactName, AutomationState State, DateTime DueAt, string? Outcome, int Failures, DateTime? LastRunAt);
