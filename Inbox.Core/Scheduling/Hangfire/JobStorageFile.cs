using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using SQLite;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>Where Hangfire keeps its jobs: a SQLite file of its own beside the inbox database.</summary>
public static class JobStorageFile
{
    /// <summary>
    /// The job storage's path: <see cref="SchedulerOptions.StoragePath"/>, or <c>&lt;inbox database&gt;.jobs.db</c> in the
    /// inbox database's folder (<c>data/inbox.db</c> → <c>data/inbox.jobs.db</c>).
    /// </summary>
    public static string PathFor(string inboxConnectionString, SchedulerOptions options)
    {
        var source = new SqliteConnectionStringBuilder(inboxConnectionString).DataSource;
        if (source is ":memory:" or "")
        {
            throw new InvalidOperationException("The inbox database is in memory; set Inbox:Scheduler:StoragePath to a file for the job storage.");
        }

        var database = Path.GetFullPath(source);
        var folder = Path.GetDirectoryName(database)!;
        return string.IsNullOrWhiteSpace(options.StoragePath)
            ? Path.Combine(folder, Path.GetFileNameWithoutExtension(database) + ".jobs.db")
            : Path.GetFullPath(options.StoragePath, folder);
    }

    /// <summary>The storage on that file, polling its queue as often as the settings say.</summary>
    /// <remarks>
    /// <c>synchronous=NORMAL</c> (in WAL mode): a commit no longer waits for the disk, which makes storing a job several
    /// times cheaper; a power cut may lose the last jobs, never corrupt the file. That is safe here because the
    /// <see cref="ScheduledAutomation"/> rows are the truth: at start-up an automation whose job is missing is re-armed.
    /// </remarks>
    public static SQLiteStorage Open(string inboxConnectionString, SchedulerOptions options)
    {
        var path = PathFor(inboxConnectionString, options);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connections = new SQLiteDbConnectionFactory(() =>
        {
            // As Hangfire.Storage.SQLite opens its own, but serialized (FullMutex, not NoMutex): its distributed locks
            // renew themselves from a timer thread on the connection another thread is using, which under load left
            // "database disk image is malformed" in the benchmark.
            var connection = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex, storeDateTimeAsTicks: true)
            {
                BusyTimeout = TimeSpan.FromSeconds(10),
            };
            connection.ExecuteScalar<string>("PRAGMA synchronous = NORMAL");
            return connection;
        });
        return new SQLiteStorage(connections, new SQLiteStorageOptions { QueuePollInterval = options.QueuePollInterval });
    }
}
