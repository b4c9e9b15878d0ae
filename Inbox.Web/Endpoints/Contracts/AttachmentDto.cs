using Inbox.Core.Media;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>A photo, video, audio clip, sticker or file on a message; a shared post; or a type Inbox does not know.</summary>
/// <param name="Type"><c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c>, <c>sticker</c>, <c>post</c> (a shared post) or <c>unsupported</c>.</param>
/// <param name="MimeType">The checked content type; null until the file is stored.</param>
/// <param name="Name">The file's own name, when it has one.</param>
/// <param name="Size">Bytes; null until stored.</param>
/// <param name="Url"><c>/media/{id}</c> (signed-in users and API keys), null until stored.</param>
/// <param name="Status"><c>pending</c>, <c>stored</c>, <c>unavailable</c>, or <c>reference</c> for posts and unsupported types (nothing to download).</param>
/// <param name="Error">Why it is not available (or why the last download failed).</param>
/// <param name="PlatformType">Posts and unsupported types: the type as the platform named it (<c>ig_post</c>, <c>appointment_booking</c>…).</param>
/// <param name="Title">A shared post's title.</param>
/// <param name="Reference">Posts: the post's URL. Unsupported types: the platform's raw reference (a URL, or its payload as JSON).</param>
public sealed record AttachmentDto(
    long Id, string Type, string? MimeType, string? Name, long? Size, string? Url, AttachmentStatus Status, string? Error,
    string? PlatformType = null, string? Title = null, string? Reference = null)
{
    public static AttachmentDto Of(Attachment a) => new(
        a.Id, a.Kind, a.MimeType, a.FileName, a.Size, a.Status == AttachmentStatus.Stored ? $"/media/{a.Id}" : null, a.Status, a.Failure,
        a.PlatformType, a.Title, a.Status == AttachmentStatus.Reference ? a.Source : null);
}
