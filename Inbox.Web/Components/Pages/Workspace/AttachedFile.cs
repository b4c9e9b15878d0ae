using Inbox.Core.Media;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>A file attached in the composer, read from the agent's browser and waiting to be sent.</summary>
/// <param name="PreviewUrl">A <c>blob:</c> link to the picture in the agent's own browser, for the thumbnail; null for other files.</param>
public sealed record AttachedFile(string Name, string Kind, string MimeType, byte[] Bytes, string? PreviewUrl)
{
    public long Size => Bytes.LongLength;

    /// <summary>Its shape, for the composer's checks before the round trip (it is not stored yet).</summary>
    public OutgoingFile Shape => new(Kind, "", MimeType, Size, Name);
}
