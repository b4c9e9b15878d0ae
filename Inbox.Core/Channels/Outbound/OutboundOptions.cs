using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Channels.Outbound;

/// <summary>How queued replies are sent (<c>Inbox:Sending</c> section).</summary>
public sealed class OutboundOptions
{
    public const string Section = "Inbox:Sending";

    /// <summary>Platform calls per message for transient errors (5xx, timeouts, Graph code 2, WhatsApp 130429), the first included.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry; each further retry waits twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the sender looks for due messages when nothing wakes it (held messages, missed signals).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed for one platform call before it counts as a transient failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>LINE: the cached monthly quota is fetched again when older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LineQuotaMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
