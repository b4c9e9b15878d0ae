using Inbox.Core.Channels;
using Inbox.Core.Demo;
using Inbox.Core.Identity;
using Inbox.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Core;

/// <summary>Start-up work, in order: the demo-mode check, schema, roles and bootstrap admin, demo data, channels from configuration.</summary>
public static class InboxInitializer
{
    public static async Task InitializeInboxAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        DemoModeGuard.ThrowIfRefused(services);
        foreach (var warning in services.GetRequiredService<KeyRing>().Warnings())
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyRing)).LogWarning("{Warning}", warning);
        }

        // Several instances may start at once on one PostgreSQL database: one at a time migrates and seeds.
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        await using (await migrator.LockStartupAsync(cancellationToken))
        {
            await migrator.MigrateAsync(cancellationToken);

            // Opening the job storage installs its schema on PostgreSQL: under the lock too.
            if (services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Postgres)
            {
                _ = services.GetRequiredService<Hangfire.JobStorage>();
            }
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            }

            // After the demo seeder, which only fills an empty database and never runs beside declared channels.
            await services.GetRequiredService<ChannelConfigurationSync>().SyncAsync(cancellationToken);
        }
    }
}
