namespace Inbox.Core.Scheduling;

/// <summary>The away-message rule's answer.</summary>
/// <param name="Send">An away message is owed now.</param>
/// <param name="Period">The closed period, named by the opening that ends it (<see cref="AwayMessageRule.NoOpening"/> when none); null while open.</param>
/// <param name="Reason">Why none is owed.</param>
public sealed record AwayDecision(bool Send, DateTime? Period, string? Reason)
{
    public static AwayDecision No(DateTime? period, string reason) => new(false, period, reason);
}
