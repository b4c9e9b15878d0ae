using Inbox.Core.Channels.Line;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// Recurring: fetches the LINE quotas that went stale, so the composer shows what is left even while nothing is sent
/// (the sender also refreshes a stale one before it asks the policy).
/// </summary>
public sealed class LineQuotaRefreshJob(LineQuotaService quotas)
{
    public const string Id = "line-quota-refresh";

    /// <summary>Every five minutes: half the default <c>LineQuotaMaxAge</c>.</summary>
    public const string Cron = "*/5 * * * *";

    public Task<int> RunAsync(CancellationToken cancellationToken) => quotas.RefreshStaleAsync(cancellationToken);
}
