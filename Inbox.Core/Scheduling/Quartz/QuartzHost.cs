using System.Collections.Specialized;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inbox.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;

namespace Inbox.Core.Scheduling.Quartz;

/// <summary>
/// Owns the app's Quartz scheduler: ADO.NET job store (JobStoreTX) on the inbox's own SQLite file, whose <c>QRTZ_*</c>
/// tables it creates itself (<see cref="QuartzJobStoreSchema"/>). The scheduler is created on first use (jobs can be
/// stored before it starts) and started with the host, after the schema step; at start, automations whose trigger was
/// lost are re-armed.
/// Quartz's own log goes nowhere: its log provider is process-wide, and a host's disposed logger factory would break
/// every other scheduler in the process (tests); firings and their failures are logged by <see cref="AutomationRunner"/>.
/// </summary>
public sealed class QuartzHost(
    IServiceScopeFactory scopes, IDbContextFactory<InboxDbContext> contexts, IOptions<SchedulerOptions> options) : IHostedService
{
    private readonly SemaphoreSlim creating = new(1, 1);

    // Quartz's registries of schedulers and data sources are process-wide. The scheduler's name is per database file
    // (it is stored with every job, so a restart finds them); the instance id and data source are per host, so an
    // earlier host on the same file that is still shutting down (tests restart apps in one process) is never reused.
    private readonly string instanceId = Guid.NewGuid().ToString("N");
    private IScheduler? scheduler;
    private AutomationRunner? runner;
    private bool stopped;

    /// <summary>The scheduler, created (not started) on first call.</summary>
    public async Task<IScheduler> SchedulerAsync(CancellationToken cancellationToken = default)
    {
        if (scheduler is { } ready)
        {
            return ready;
        }

        await creating.WaitAsync(cancellationToken);
        try
        {
            // A late caller while the app stops (a seeder, a webhook batch) must not create a second scheduler under
            // this database's name: the process-wide registry would hand it to the next host on the same file.
            // Our automation rows stay; the next start re-arms them.
            if (stopped)
            {
                throw new InvalidOperationException("The scheduler has stopped with the app; the automation is re-armed at the next start.");
            }

            if (scheduler is null)
            {
                var factory = new StdSchedulerFactory(Properties());
                var created = await factory.GetScheduler(cancellationToken);
                if (created.SchedulerInstanceId != instanceId)
                {
                    // The registry handed over an earlier host's scheduler on this file that has not let go of the name
                    // yet (tests restart apps in one process); it is about to shut down, so take the name for our own.
                    SchedulerRepository.Instance.Remove(created.SchedulerName);
                    created = await factory.GetScheduler(cancellationToken);
                }

                created.JobFactory = new ServiceProviderJobFactory(scopes);
                scheduler = created;
            }

            return scheduler;
        }
        finally
        {
            creating.Release();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = await SchedulerAsync(cancellationToken);
        await started.Start(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        runner = scope.ServiceProvider.GetRequiredService<AutomationRunner>();
        await scope.ServiceProvider.GetRequiredService<AutomationScheduler>().RecoverAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await creating.WaitAsync(cancellationToken);
        stopped = true;
        creating.Release();
        if (scheduler is { } running)
        {
            // Let a firing finish: a job stopped half-way would leave its automation "Running".
            await running.Shutdown(waitForJobsToComplete: true, cancellationToken);
            scheduler = null;

            // Quartz can return while a firing still writes its outcome; the app's services must outlive that write.
            if (runner is not null)
            {
                await Task.WhenAny(runner.WhenIdleAsync(), Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
            }
        }
    }

    private NameValueCollection Properties()
    {
        string connectionString;
        using (var db = contexts.CreateDbContext())
        {
            connectionString = db.Database.GetConnectionString()!;
            db.Database.OpenConnection();
            QuartzJobStoreSchema.EnsureCreated(db.Database.GetDbConnection());
            db.Database.CloseConnection();
        }

        var settings = options.Value;

        var name = SchedulerName(connectionString);
        var dataSource = $"{name}-{instanceId}";
        return new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = name,
            ["quartz.scheduler.instanceId"] = instanceId,
            ["quartz.scheduler.idleWaitTime"] = Milliseconds(settings.IdleWait),
            ["quartz.scheduler.batchTriggerAcquisitionMaxCount"] = settings.BatchSize.ToString(CultureInfo.InvariantCulture),
            ["quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow"] = Milliseconds(settings.BatchWindow),
            ["quartz.threadPool.maxConcurrency"] = settings.Threads.ToString(CultureInfo.InvariantCulture),
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.SQLiteDelegate, Quartz",
            ["quartz.jobStore.tablePrefix"] = "QRTZ_",
            ["quartz.jobStore.dataSource"] = dataSource,
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.jobStore.misfireThreshold"] = Milliseconds(settings.MisfireThreshold),
            ["quartz.jobStore.performSchemaValidation"] = "true",
            [$"quartz.dataSource.{dataSource}.connectionString"] = connectionString,
            [$"quartz.dataSource.{dataSource}.provider"] = "SQLite-Microsoft",
            ["quartz.serializer.type"] = typeof(JobDataSerializer).AssemblyQualifiedName!,
        };
    }

    /// <summary>
    /// Quartz keeps schedulers in a process-wide registry by name, and stores the name with every job. One name per
    /// database file keeps two apps in one process (tests) apart while a restart on the same file finds its jobs again.
    /// </summary>
    private static string SchedulerName(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(file));
        return "inbox-" + Convert.ToHexStringLower(hash)[..12];
    }

    private static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
