namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// One webhook POST exactly as it arrived, stored before the platform is answered. Processing reads it back,
/// so a crash after the acknowledgement loses nothing and a failed parse can be replayed after a fix.
/// </summary>
public class WebhookDelivery
{
    public long Id { get; set; }

    public WebhookPlatform Platform { get; set; }

    /// <summary>LINE deliveries name their channel in the URL; Meta deliveries may span several channels and are routed per entry.</summary>
    public int? ChannelId { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The raw body, verified against its signature before it was stored.</summary>
    public required string Body { get; set; }

    public WebhookDeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>The instance processing it (PostgreSQL, several instances); see <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when <see cref="ClaimedBy"/> holds it: after that, another instance may take it over.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Why processing failed, for the log and the admin.</summary>
    public string? Error { get; set; }
}
