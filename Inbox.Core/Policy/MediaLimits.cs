using Inbox.Core.Channels;

namespace Inbox.Core.Policy;

/// <summary>
/// What each platform accepts as a photo, video, audio clip or file from the business (docs/platform-rules.md §5a), checked
/// before anything is queued so the agent hears at once why a file cannot go, instead of a failed send later.
/// </summary>
public static class MediaLimits
{
    private const long MB = 1024 * 1024;

    private static readonly string[] Any = [];

    /// <summary>Per platform: kind → accepted types (empty: any) and largest size. A kind that is missing cannot be sent.</summary>
    private static readonly Dictionary<ChannelKind, Dictionary<string, (string[] Types, long MaxBytes, string Names)>> Table = new()
    {
        // Messenger Send API: image, audio, video and file attachments up to 25 MB.
        [ChannelKind.Messenger] = new()
        {
            ["image"] = (Any, 25 * MB, "pictures"),
            ["video"] = (Any, 25 * MB, "videos"),
            ["audio"] = (Any, 25 * MB, "audio"),
            ["file"] = (Any, 25 * MB, "files"),
        },
        // Instagram Messaging: images PNG/JPEG/GIF 8 MB; video MP4/MOV/WebM 25 MB; audio AAC/M4A/WAV 25 MB; files PDF 25 MB.
        [ChannelKind.Instagram] = new()
        {
            ["image"] = (["image/png", "image/jpeg", "image/gif"], 8 * MB, "PNG, JPEG or GIF pictures"),
            ["video"] = (["video/mp4", "video/quicktime", "video/webm"], 25 * MB, "MP4, MOV or WebM videos"),
            ["audio"] = (["audio/aac", "audio/mp4", "audio/wav"], 25 * MB, "AAC, M4A or WAV audio"),
            ["file"] = (["application/pdf"], 25 * MB, "PDF files"),
        },
        // WhatsApp Cloud API media: image JPEG/PNG 5 MB; video MP4/3GPP 16 MB; audio AAC/AMR/MP3/M4A/OGG 16 MB; document 100 MB.
        [ChannelKind.WhatsApp] = new()
        {
            ["image"] = (["image/jpeg", "image/png"], 5 * MB, "JPEG or PNG pictures"),
            ["video"] = (["video/mp4", "video/3gpp"], 16 * MB, "MP4 or 3GPP videos"),
            ["audio"] = (["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], 16 * MB, "AAC, AMR, MP3, M4A or OGG audio"),
            ["file"] = (Any, 100 * MB, "documents"),
        },
        // LINE image messages: JPEG/PNG up to 10 MB, fetched by LINE from a public HTTPS URL. LINE bots cannot send files,
        // and video and audio messages need a preview picture or a duration the inbox does not make.
        [ChannelKind.Line] = new()
        {
            ["image"] = (["image/jpeg", "image/png"], 10 * MB, "JPEG or PNG pictures"),
        },
    };

    /// <summary>How a file of this (checked) content type is sent: <c>image</c>, <c>video</c>, <c>audio</c> or <c>file</c>.</summary>
    public static string KindOf(string mimeType) =>
        mimeType.StartsWith("image/", StringComparison.Ordinal) ? "image"
        : mimeType.StartsWith("video/", StringComparison.Ordinal) ? "video"
        : mimeType.StartsWith("audio/", StringComparison.Ordinal) ? "audio"
        : "file";

    /// <summary>
    /// Null when <paramref name="channel"/> takes a <paramref name="kind"/> of this type and size; otherwise why not, in words an
    /// agent understands. <paramref name="publicLinks"/>: whether <c>Inbox:PublicBaseUrl</c> is set (LINE fetches files from it).
    /// </summary>
    public static string? Check(ChannelKind channel, string kind, string mimeType, long size, bool publicLinks)
    {
        if (!Table.TryGetValue(channel, out var kinds) || !kinds.TryGetValue(kind, out var limit))
        {
            return channel == ChannelKind.Line
                ? kind == "file" ? "LINE bots cannot send files: only pictures (JPEG or PNG) can be sent on LINE." : $"The inbox sends only pictures (JPEG or PNG) on LINE, not {Plural(kind)}."
                : $"{channel} does not take {Plural(kind)} from the business.";
        }

        if (channel == ChannelKind.Line && !publicLinks)
        {
            return LineNeedsPublicUrl;
        }

        if (limit.Types.Length > 0 && !limit.Types.Contains(mimeType))
        {
            return $"{channel} accepts only {limit.Names}; this {Noun(kind)} is {mimeType}.";
        }

        return size > limit.MaxBytes
            ? $"The {Noun(kind)} is larger than {channel}'s limit: it accepts {limit.Names} up to {Size(limit.MaxBytes)}."
            : null;
    }

    /// <summary>Why LINE attachments are off without <c>Inbox:PublicBaseUrl</c>.</summary>
    public const string LineNeedsPublicUrl =
        "LINE fetches pictures from a public HTTPS address, and this inbox has none: an administrator sets Inbox:PublicBaseUrl to send pictures on LINE.";

    /// <summary>"3.2 MB" for a size in bytes.</summary>
    public static string Size(long bytes) => bytes % MB == 0 ? $"{bytes / MB} MB" : bytes >= MB ? $"{bytes / (double)MB:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private static string Noun(string kind) => kind switch { "image" => "picture", "audio" => "audio clip", _ => kind };

    private static string Plural(string kind) => kind switch { "image" => "pictures", "audio" => "audio clips", _ => kind + "s" };
}
