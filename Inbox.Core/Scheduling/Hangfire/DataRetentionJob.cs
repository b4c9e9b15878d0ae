using Inbox.Core.Privacy;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>Recurring: applies <c>Inbox:Retention</c> once a day. The run is idempotent, so a second firing finds nothing left to do.</summary>
public sealed class DataRetentionJob(DataRetention retention)
{
    public const string Id = "data-retention";

    /// <summary>Daily at 03:30 UTC, a quiet hour for most inboxes.</summary>
    public const string Cron = "30 3 * * *";

    public Task<RetentionReport> RunAsync(CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);
}
