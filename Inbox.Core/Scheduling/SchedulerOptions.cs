using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Scheduling;

/// <summary>
/// Hangfire tuning (<c>Inbox:Scheduler</c>). Hangfire's defaults (15 s schedule polling, 15 s queue polling on SQLite)
/// let an automation run up to half a minute late; these defaults were measured to run within about a second (README).
/// </summary>
public sealed class SchedulerOptions
{
    public const string Section = "Inbox:Scheduler";

    /// <summary>
    /// The job storage's SQLite file. Empty: beside the inbox database, named after it (<c>data/inbox.jobs.db</c>).
    /// Its own file, so Hangfire's polling and locks never hold up webhook ingest on the inbox database.
    /// A relative path is relative to the inbox database's folder.
    /// </summary>
    public string StoragePath { get; set; } = "";

    /// <summary>How often due delayed jobs are moved to the queue (Hangfire <c>SchedulePollingInterval</c>, default 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often an idle worker looks at the queue (Hangfire.Storage.SQLite <c>QueuePollInterval</c>, default 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How far ahead an automation's second is armed as a Hangfire job. One due later stores only our row; the
    /// every-minute arming run arms it once it comes this near, so this must exceed a minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:10", "1.00:00:00")]
    public TimeSpan ArmAhead { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Jobs run at once (Hangfire <c>WorkerCount</c>); each idle one polls the queue.</summary>
    [Range(1, 100)]
    public int Workers { get; set; } = 8;
}
