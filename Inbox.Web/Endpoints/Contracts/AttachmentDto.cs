using Inbox.Core.Media;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>A photo, video, audio clip, sticker or file on a message.</summary>
/// <param name="Type"><c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c> or <c>sticker</c>.</param>
/// <param name="MimeType">The checked content type; null until the file is stored.</param>
/// <param name="Name">The file's own name, when it has one.</param>
/// <param name="Size">Bytes; null until stored.</param>
/// <param name="Url"><c>/media/{id}</c> (signed-in users and API keys), null until stored.</param>
/// <param name="Status"><c>pending</c>, <c>stored</c> or <c>unavailable</c>.</param>
/// <param name="Error">Why it is not available (or why the last download failed).</param>
public sealed record AttachmentDto(long Id, string Type, string? MimeType, string? Name, long? Size, string? Url, AttachmentStatus Status, string? Error)
{
    public static AttachmentDto Of(Attachment a) => new(
        a.Id, a.Kind, a.MimeType, a.FileName, a.Size, a.Status == AttachmentStatus.Stored ? $"/media/{a.Id}" : null, a.Status, a.Failure);
}
