using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Media;

/// <summary>Photos, files and profile pictures (<c>Inbox:Media</c> section).</summary>
public sealed class MediaOptions
{
    public const string Section = "Inbox:Media";

    /// <summary>Largest file stored or sent, in bytes; a bigger download is stopped and shown as not available.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>The media folder; empty means <c>media/</c> beside the database file. Relative paths are taken from the database's folder.</summary>
    public string Path { get; set; } = "";

    /// <summary>Download attempts per attachment before it is shown as not available.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second download attempt; each further one waits twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending downloads and due profile lookups are looked for when no new message wakes the worker.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time allowed for one platform call (a lookup, or a whole download).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A customer's name and picture are read again from the platform when older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ProfileMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a public link to a file the business sent stays valid (LINE fetches pictures by such a link).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan PublicLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A failed profile lookup is tried again after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan ProfileRetryDelay { get; set; } = TimeSpan.FromHours(1);
}
