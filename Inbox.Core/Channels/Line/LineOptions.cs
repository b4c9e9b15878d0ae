namespace Inbox.Core.Channels.Line;

/// <summary>The LINE Messaging API (<c>Line</c> section). Each LINE channel brings its own secret and token.</summary>
public sealed class LineOptions
{
    public const string Section = "Line";

    /// <summary>Messaging API root. Tests and staging point it at a fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.line.me";

    /// <summary>LINE's data API root, which serves the content of images, videos, audio and files customers send.</summary>
    public string DataApiBaseUrl { get; set; } = "https://api-data.line.me";

    /// <summary>Where sticker pictures come from (<c>/stickershop/v1/sticker/{id}/android/sticker.png</c>).</summary>
    public string StickerBaseUrl { get; set; } = "https://stickershop.line-scdn.net";
}
