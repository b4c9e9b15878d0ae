using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// At start: arms overdue and near automations (their jobs may be lost) and registers the recurring jobs (arming, LINE quota, Instagram tokens, templates, data retention). At stop
/// (after Hangfire's server, which is registered later and so stops first): waits for a claimed firing to write its outcome.
/// </summary>
internal sealed class AutomationStartup(AutomationScheduler scheduler, AutomationRunner runner, IRecurringJobManager recurring) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await scheduler.RecoverAsync(cancellationToken);
        recurring.AddOrUpdate<AutomationArmingJob>(AutomationArmingJob.Id, j => j.RunAsync(CancellationToken.None), AutomationArmingJob.Cron);
        recurring.AddOrUpdate<LineQuotaRefreshJob>(LineQuotaRefreshJob.Id, j => j.RunAsync(CancellationToken.None), LineQuotaRefreshJob.Cron);
        recurring.AddOrUpdate<InstagramTokenRefreshJob>(InstagramTokenRefreshJob.Id, j => j.RunAsync(CancellationToken.None), InstagramTokenRefreshJob.Cron);
        recurring.AddOrUpdate<TemplateSyncJob>(TemplateSyncJob.Id, j => j.RunAsync(CancellationToken.None), TemplateSyncJob.Cron);
        recurring.AddOrUpdate<DataRetentionJob>(DataRetentionJob.Id, j => j.RunAsync(CancellationToken.None), DataRetentionJob.Cron);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAny(runner.WhenIdleAsync(), Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
}
