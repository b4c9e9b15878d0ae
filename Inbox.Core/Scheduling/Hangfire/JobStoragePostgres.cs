using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// Hangfire's jobs in the inbox's PostgreSQL database, in a schema of their own (<c>hangfire</c>), so every instance
/// sees every job and any of them can run it; its queue is fetched with <c>FOR UPDATE SKIP LOCKED</c>, so a job is
/// taken by one worker. The schema is installed by the first instance, under the start-up lock.
/// </summary>
public static class JobStoragePostgres
{
    public static PostgreSqlStorage Open(string inboxConnectionString, SchedulerOptions options)
    {
        var settings = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            QueuePollInterval = options.QueuePollInterval,
            PrepareSchemaIfNecessary = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(inboxConnectionString, settings), settings);
    }
}
