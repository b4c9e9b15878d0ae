namespace Inbox.Core.Media;

/// <summary>A stored file ready to serve: open stream, checked type, the name to download it under, and whether it shows inline.</summary>
public sealed record MediaFile(Stream Content, string MimeType, string? DownloadName, bool Inline);
