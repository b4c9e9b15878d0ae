namespace Inbox.Core.Media;

/// <summary>A file an agent attached, already checked and in the media folder, waiting to be queued with its reply.</summary>
/// <param name="Kind"><c>image</c>, <c>video</c>, <c>audio</c> or <c>file</c>: how the platform is sent it.</param>
/// <param name="StoredAs">Its name in the media folder.</param>
/// <param name="MimeType">The checked content type.</param>
/// <param name="FileName">The name the agent's file had, for display and for documents.</param>
public sealed record OutgoingFile(string Kind, string StoredAs, string MimeType, long Size, string? FileName)
{
    /// <summary>The placeholder a message without text carries, as for the customers' files: <c>[image]</c>.</summary>
    public string Placeholder => $"[{Kind}]";

    /// <summary>The same file again, for a new copy of a reply (a retry): both rows name one stored file.</summary>
    public static OutgoingFile Of(Attachment attachment) =>
        new(attachment.Kind, attachment.StoredAs!, attachment.MimeType!, attachment.Size ?? 0, attachment.FileName);
}
