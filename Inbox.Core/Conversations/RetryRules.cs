namespace Inbox.Core.Conversations;

/// <summary>Which undelivered replies are worth sending again (docs/platform-rules.md §3).</summary>
public static class RetryRules
{
    /// <summary>
    /// True for failures that may not happen again: transient errors that outlasted the automatic retries, a send
    /// interrupted by a restart, and other refusals the platform did not call final. A closed window, a refused
    /// template or tag, and a used-up quota fail the same way again, so they are never offered a retry.
    /// </summary>
    public static bool CanRetry(Message message) =>
        message is { Direction: MessageDirection.Outbound, Status: DeliveryStatus.Failed }
        && message.Failure is SendFailure.RetriesExhausted or SendFailure.Interrupted or SendFailure.Rejected;
}
