namespace Inbox.Core.Channels.Line;

/// <summary>The LINE Messaging API (<c>Line</c> section). Each LINE channel brings its own secret and token.</summary>
public sealed class LineOptions
{
    public const string Section = "Line";

    /// <summary>Messaging API root. Tests and staging point it at a fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.line.me";
}
