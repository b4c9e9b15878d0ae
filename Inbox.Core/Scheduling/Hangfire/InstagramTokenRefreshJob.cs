using Inbox.Core.Channels.Meta;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// Recurring: renews Instagram Login tokens before they expire. Running twice is harmless: each refresh is claimed on
/// the channel's row, and a token refreshed a moment ago is not due again for weeks.
/// </summary>
public sealed class InstagramTokenRefreshJob(InstagramTokenRefresher refresher)
{
    public const string Id = "instagram-token-refresh";

    /// <summary>Hourly, at minute 41: a due token is renewed within the hour, and a failed refresh waits its six hours.</summary>
    public const string Cron = "41 * * * *";

    public Task<int> RunAsync(CancellationToken cancellationToken) => refresher.RefreshDueAsync(cancellationToken);
}
