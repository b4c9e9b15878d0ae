namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Something a customer sent beside or instead of text, as the webhook names it: a file the app downloads after the
/// webhook is answered, or a reference kept as the platform sent it (a shared post, a type Inbox does not know).
/// </summary>
/// <param name="Kind"><c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c>, <c>sticker</c>, <see cref="Post"/> or <see cref="Unsupported"/>.</param>
/// <param name="Source">Files: Messenger/Instagram the attachment URL, WhatsApp the media id, LINE the message id or external URL (empty when the platform sent none). Posts: the post's URL. Unsupported: the platform's raw reference (its URL, or its payload as JSON).</param>
/// <param name="FileName">The document's own name, when the payload has one.</param>
/// <param name="MimeType">The content type the payload declares (WhatsApp), checked again against the bytes.</param>
/// <param name="Title">A shared post's title (its caption).</param>
/// <param name="PlatformType">The type as the platform named it (<c>ig_post</c>, <c>appointment_booking</c>…), for posts and unsupported types.</param>
public sealed record InboundAttachment(string Kind, string Source, string? FileName = null, string? MimeType = null, string? Title = null, string? PlatformType = null)
{
    /// <summary>A post the customer shared (Instagram <c>ig_post</c>, Messenger <c>post</c>): kept as a link, not downloaded.</summary>
    public const string Post = "post";

    /// <summary>A type Inbox does not know: recorded with the platform's raw reference, never dropped.</summary>
    public const string Unsupported = "unsupported";

    /// <summary>Nothing to download: the reference itself is what Inbox keeps.</summary>
    public bool IsReference => Kind is Post or Unsupported;

    public static InboundAttachment SharedPost(string platformType, string? url, string? title) => new(Post, url ?? "", Title: title, PlatformType: platformType);

    public static InboundAttachment UnsupportedType(string platformType, string? reference) => new(Unsupported, reference ?? "", PlatformType: platformType);
}
