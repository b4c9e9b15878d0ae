using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inbox.Core.Scheduling;

/// <summary>
/// The job storage answers (unhealthy when its file cannot be read), and a Hangfire server is running there (degraded
/// when none is: automations are kept but would not fire).
/// </summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Task.Run(
        () =>
        {
            try
            {
                var servers = storage.GetMonitoringApi().Servers().Count;
                return servers > 0
                    ? HealthCheckResult.Healthy($"{servers} job server(s) running")
                    : HealthCheckResult.Degraded("No job server is running: automations are kept but do not fire.");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("The job storage cannot be read.", ex);
            }
        },
        cancellationToken);
}
