namespace Inbox.Core.Scheduling;

/// <summary>What a firing did: acted (<see cref="AutomationState.Done"/>) or found nothing to do (<see cref="AutomationState.Skipped"/>), and why, in words.</summary>
public sealed record AutomationOutcome(AutomationState State, string Detail)
{
    public static AutomationOutcome Done(string detail) => new(AutomationState.Done, detail);

    public static AutomationOutcome Skipped(string why) => new(AutomationState.Skipped, why);
}
