using Inbox.Core.Localization;

namespace Inbox.Core.Media;

/// <summary>The outcome of storing a file: its name in the media folder, checked type and size, or why it was refused.</summary>
public sealed record StoredFile(string? StoredAs, string? MimeType, long Size, Phrase? Refusal)
{
    public static StoredFile Refused(Phrase reason) => new(null, null, 0, reason);
}
