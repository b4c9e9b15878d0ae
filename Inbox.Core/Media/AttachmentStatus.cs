namespace Inbox.Core.Media;

/// <summary>Where an attachment's file stands.</summary>
public enum AttachmentStatus
{
    /// <summary>Waiting for (another) download attempt.</summary>
    Pending,

    /// <summary>On disk, ready to serve.</summary>
    Stored,

    /// <summary>Given up: see <see cref="Attachment.Failure"/>.</summary>
    Unavailable,

    /// <summary>Nothing to download: a shared post's link or an unsupported type's raw reference, kept as the platform sent it.</summary>
    Reference,
}
