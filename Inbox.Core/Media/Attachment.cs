using Inbox.Core.Conversations;

namespace Inbox.Core.Media;

/// <summary>
/// A photo, video, voice note, sticker or file carried by a message. Inbound ones are downloaded by the app in the
/// background (the platform's copy expires: WhatsApp media ids after 7 days, download URLs within minutes) and served
/// only to signed-in users at <c>/media/{id}</c>; outbound ones are stored when the agent attaches them.
/// </summary>
public class Attachment
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public Message? Message { get; set; }

    /// <summary>Denormalised from the message: which channel's token and API fetch it.</summary>
    public int ChannelId { get; set; }

    /// <summary>
    /// What the customer sees it as: <c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c> or <c>sticker</c>; <c>post</c> for a
    /// shared post and <c>unsupported</c> for a type Inbox does not know (both <see cref="AttachmentStatus.Reference"/>).
    /// </summary>
    public required string Kind { get; set; }

    /// <summary>
    /// Where the platform keeps it: Messenger/Instagram the attachment URL, WhatsApp the media id, LINE the message id
    /// (or the external URL LINE passes on). A post: its URL. An unsupported type: the platform's raw reference.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>A shared post's title (its caption, as the platform sent it).</summary>
    public string? Title { get; set; }

    /// <summary>Posts and unsupported types: the type as the platform named it (<c>ig_post</c>, <c>appointment_booking</c>…).</summary>
    public string? PlatformType { get; set; }

    /// <summary>The content type as served, checked against the bytes; null until stored.</summary>
    public string? MimeType { get; set; }

    /// <summary>The file's own name, when the platform sends one (documents, LINE files) or the agent attached it.</summary>
    public string? FileName { get; set; }

    /// <summary>Bytes stored on disk; null until stored.</summary>
    public long? Size { get; set; }

    /// <summary>The file's name in the media folder (never a name from the platform).</summary>
    public string? StoredAs { get; set; }

    public AttachmentStatus Status { get; set; }

    /// <summary>Download attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>A pending download is not tried before this instant (back-off); null means now.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>Why it is not available, in words an agent understands.</summary>
    public string? Failure { get; set; }

    public DateTime CreatedAt { get; set; }
}
