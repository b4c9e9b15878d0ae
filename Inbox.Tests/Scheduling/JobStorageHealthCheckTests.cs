using Hangfire.Storage.SQLite;
using Inbox.Core.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inbox.Tests.Scheduling;

/// <summary>The "jobs" health check against a real job storage file.</summary>
public sealed class JobStorageHealthCheckTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("inbox-jobs-health-").FullName;

    [Fact]
    public async Task Check_StorageAnswersButNoServerRuns_Degraded()
    {
        using var storage = new SQLiteStorage(Path.Combine(folder, "jobs.db"));

        var result = await new JobStorageHealthCheck(storage).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    [Fact]
    public async Task Check_StorageGone_Unhealthy()
    {
        var storage = new SQLiteStorage(Path.Combine(folder, "jobs.db"));
        storage.Dispose();

        var result = await new JobStorageHealthCheck(storage).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
