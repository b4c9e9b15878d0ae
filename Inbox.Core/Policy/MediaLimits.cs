using Inbox.Core.Channels;
using Inbox.Core.Localization;

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
    private static readonly Dictionary<ChannelKind, Dictionary<string, (string[] Types, long MaxBytes, Phrase Names)>> Table = new()
    {
        // Messenger Send API: image, audio, video and file attachments up to 25 MB.
        [ChannelKind.Messenger] = new()
        {
            ["image"] = (Any, 25 * MB, new Phrase("pictures")),
            ["video"] = (Any, 25 * MB, new Phrase("videos")),
            ["audio"] = (Any, 25 * MB, new Phrase("audio")),
            ["file"] = (Any, 25 * MB, new Phrase("files")),
        },
        // Instagram Messaging: images PNG/JPEG/GIF 8 MB; video MP4/MOV/WebM 25 MB; audio AAC/M4A/WAV 25 MB; files PDF 25 MB.
        [ChannelKind.Instagram] = new()
        {
            ["image"] = (["image/png", "image/jpeg", "image/gif"], 8 * MB, new Phrase("PNG, JPEG or GIF pictures")),
            ["video"] = (["video/mp4", "video/quicktime", "video/webm"], 25 * MB, new Phrase("MP4, MOV or WebM videos")),
            ["audio"] = (["audio/aac", "audio/mp4", "audio/wav"], 25 * MB, new Phrase("AAC, M4A or WAV audio")),
            ["file"] = (["application/pdf"], 25 * MB, new Phrase("PDF files")),
        },
        // WhatsApp Cloud API media: image JPEG/PNG 5 MB; video MP4/3GPP 16 MB; audio AAC/AMR/MP3/M4A/OGG 16 MB; document 100 MB.
        [ChannelKind.WhatsApp] = new()
        {
            ["image"] = (["image/jpeg", "image/png"], 5 * MB, new Phrase("JPEG or PNG pictures")),
            ["video"] = (["video/mp4", "video/3gpp"], 16 * MB, new Phrase("MP4 or 3GPP videos")),
            ["audio"] = (["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], 16 * MB, new Phrase("AAC, AMR, MP3, M4A or OGG audio")),
            ["file"] = (Any, 100 * MB, new Phrase("documents")),
        },
        // LINE image messages: JPEG/PNG up to 10 MB, fetched by LINE from a public HTTPS URL. LINE bots cannot send files,
        // and video and audio messages need a preview picture or a duration the inbox does not make.
        [ChannelKind.Line] = new()
        {
            ["image"] = (["image/jpeg", "image/png"], 10 * MB, new Phrase("JPEG or PNG pictures")),
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
    public static Phrase? Check(ChannelKind channel, string kind, string mimeType, long size, bool publicLinks)
    {
        if (!Table.TryGetValue(channel, out var kinds) || !kinds.TryGetValue(kind, out var limit))
        {
            return channel == ChannelKind.Line
                ? kind == "file"
                    ? new Phrase("LINE bots cannot send files: only pictures (JPEG or PNG) can be sent on LINE.")
                    : new Phrase("The inbox sends only pictures (JPEG or PNG) on LINE, not {0}.", Plural(kind))
                : new Phrase("{0} does not take {1} from the business.", channel, Plural(kind));
        }

        if (channel == ChannelKind.Line && !publicLinks)
        {
            return LineNeedsPublicUrl;
        }

        if (limit.Types.Length > 0 && !limit.Types.Contains(mimeType))
        {
            return new Phrase("{0} accepts only {1}; this {2} is {3}.", channel, limit.Names, Noun(kind), mimeType);
        }

        return size > limit.MaxBytes
            ? new Phrase("The {0} is larger than {1}'s limit: it accepts {2} up to {3}.", Noun(kind), channel, limit.Names, Size(limit.MaxBytes))
            : null;
    }

    /// <summary>Why LINE attachments are off without <c>Inbox:PublicBaseUrl</c>.</summary>
    public static readonly Phrase LineNeedsPublicUrl =
        new("LINE fetches pictures from a public HTTPS address, and this inbox has none: an administrator sets Inbox:PublicBaseUrl to send pictures on LINE.");

    /// <summary>"3.2 MB" for a size in bytes.</summary>
    public static string Size(long bytes) => bytes % MB == 0 ? $"{bytes / MB} MB" : bytes >= MB ? $"{bytes / (double)MB:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private static Phrase Noun(string kind) => kind switch
    {
        "image" => new Phrase("picture"),
        "video" => new Phrase("video"),
        "audio" => new Phrase("audio clip"),
        _ => new Phrase("file"),
    };

    private static Phrase Plural(string kind) => kind switch
    {
        "image" => new Phrase("pictures"),
        "video" => new Phrase("videos"),
        "audio" => new Phrase("audio clips"),
        _ => new Phrase("files"),
    };
}
