using System.Text;

namespace Inbox.Core.Media;

/// <summary>
/// Decides what a stored file is from its first bytes, never from the platform's word alone: a photo must be a JPEG,
/// PNG, GIF or WebP, a video or voice note one of the formats the platforms send. Only those are shown inline; any
/// other file is served as a download under a type from the allow-list, or as <c>application/octet-stream</c>, so a
/// file is never run as a page or a script in the agent's browser.
/// </summary>
public static class MediaTypes
{
    /// <summary>Bytes read from the start of a file to recognise it.</summary>
    public const int HeaderLength = 64;

    /// <summary>Types the browser may show inside the timeline.</summary>
    private static readonly HashSet<string> InlineTypes =
    [
        "image/jpeg", "image/png", "image/gif", "image/webp",
        "video/mp4", "video/webm", "video/quicktime", "video/3gpp",
        "audio/mpeg", "audio/mp4", "audio/ogg", "audio/aac", "audio/amr", "audio/wav", "audio/webm",
    ];

    /// <summary>Documents kept under their declared type (always served as a download).</summary>
    private static readonly HashSet<string> DocumentTypes =
    [
        "application/pdf", "text/plain", "text/csv", "application/zip", "application/msword", "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ];

    /// <summary>Whether a stored file of this type is shown in the page rather than offered as a download.</summary>
    public static bool IsInline(string? mimeType) => mimeType is not null && InlineTypes.Contains(mimeType);

    /// <summary>
    /// The type to store <paramref name="header"/>'s file under, given what it was sent as (<paramref name="kind"/>) and
    /// the type the platform declared; null with a reason when the bytes are not what the kind promises.
    /// </summary>
    public static (string? MimeType, string? Refusal) Check(string kind, ReadOnlySpan<byte> header, string? declared)
    {
        var sniffed = Sniff(header, kind);
        var family = kind switch
        {
            "image" or "sticker" => "image/",
            "video" => "video/",
            "audio" => "audio/",
            _ => null,
        };
        if (family is not null)
        {
            // Meta sends some voice notes as MP4 video containers, and some clips as audio: the container decides.
            var fits = sniffed is not null && (sniffed.StartsWith(family, StringComparison.Ordinal) || (family != "image/" && !sniffed.StartsWith("image/", StringComparison.Ordinal) && IsInline(sniffed)));
            return fits ? (sniffed, null) : (null, $"The file is not a {(kind == "sticker" ? "sticker picture" : kind)} the inbox can show.");
        }

        var cleanDeclared = declared?.Split(';')[0].Trim().ToLowerInvariant();
        if (sniffed is not null && (IsInline(sniffed) || sniffed == "application/pdf"))
        {
            return (sniffed, null);
        }

        if (cleanDeclared is not null && DocumentTypes.Contains(cleanDeclared) && (sniffed is null || sniffed == "application/zip" || sniffed == "application/x-ole-storage"))
        {
            return (cleanDeclared, null);
        }

        return (sniffed == "application/zip" ? sniffed : "application/octet-stream", null);
    }

    /// <summary>A file name extension for the stored copy, from the checked type.</summary>
    public static string Extension(string mimeType) => mimeType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "video/webm" or "audio/webm" => ".webm",
        "video/quicktime" => ".mov",
        "video/3gpp" => ".3gp",
        "audio/mpeg" => ".mp3",
        "audio/mp4" => ".m4a",
        "audio/ogg" => ".ogg",
        "audio/aac" => ".aac",
        "audio/amr" => ".amr",
        "audio/wav" => ".wav",
        "application/pdf" => ".pdf",
        _ => ".bin",
    };

    /// <summary>Signatures at the start of a file, first match wins.</summary>
    private static readonly (byte[] Prefix, string MimeType)[] Signatures =
    [
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ("GIF87a"u8.ToArray(), "image/gif"),
        ("GIF89a"u8.ToArray(), "image/gif"),
        ("OggS"u8.ToArray(), "audio/ogg"),
        ("#!AMR"u8.ToArray(), "audio/amr"),
        ("ID3"u8.ToArray(), "audio/mpeg"),
        ("%PDF-"u8.ToArray(), "application/pdf"),
        ("PK\u0003\u0004"u8.ToArray(), "application/zip"),
        ([0xD0, 0xCF, 0x11, 0xE0], "application/x-ole-storage"),
    ];

    private static string? Sniff(ReadOnlySpan<byte> b, string kind)
    {
        foreach (var (prefix, mimeType) in Signatures)
        {
            if (b.StartsWith(prefix))
            {
                return mimeType;
            }
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8))
        {
            var format = b.Slice(8, 4);
            return format.SequenceEqual("WEBP"u8) ? "image/webp" : format.SequenceEqual("WAVE"u8) ? "audio/wav" : null;
        }

        if (b.Length >= 12 && b.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(b.Slice(8, 4));
            return brand.StartsWith("M4A", StringComparison.Ordinal) || kind == "audio" ? "audio/mp4"
                : brand.StartsWith("qt", StringComparison.Ordinal) ? "video/quicktime"
                : brand.StartsWith("3g", StringComparison.Ordinal) ? "video/3gpp"
                : "video/mp4";
        }

        if (b.StartsWith((byte[])[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return kind == "audio" ? "audio/webm" : "video/webm";
        }

        // MPEG audio frames: ADTS AAC (layer bits 00) or MP3.
        return b.Length < 2 || b[0] != 0xFF ? null
            : (b[1] & 0xF6) == 0xF0 ? "audio/aac"
            : (b[1] & 0xE0) == 0xE0 ? "audio/mpeg"
            : null;
    }
}
