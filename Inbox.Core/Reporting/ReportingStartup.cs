using Microsoft.Extensions.Hosting;

namespace Inbox.Core.Reporting;

/// <summary>At start-up, builds the facts once for a database that has messages but none yet (an upgrade, or freshly seeded demo history).</summary>
internal sealed class ReportingStartup(ReportingBackfill backfill) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => backfill.RunIfEmptyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
