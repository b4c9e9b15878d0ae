namespace Inbox.Core.Media;

/// <summary>The inbox's public address (<c>Inbox:PublicBaseUrl</c>), from which platforms fetch files the business sends.</summary>
public sealed class PublicLinkOptions
{
    public const string Section = "Inbox";

    /// <summary>
    /// The HTTPS root the platforms reach this inbox at, e.g. <c>https://inbox.example.com</c>; empty (the default) when it
    /// has none, which turns off sending pictures on LINE (LINE fetches them by URL).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Whether a public address is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(PublicBaseUrl);

    /// <summary>Empty, or an absolute HTTPS address.</summary>
    public bool IsValid() => !Enabled || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}
