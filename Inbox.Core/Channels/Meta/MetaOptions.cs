using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Channels.Meta;

/// <summary>The Meta app behind the Messenger, Instagram and WhatsApp channels (<c>Meta</c> section).</summary>
public sealed class MetaOptions
{
    public const string Section = "Meta";

    /// <summary>Signs every webhook POST (<c>X-Hub-Signature-256</c>) except those of Instagram Login channels.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The Instagram app secret (Instagram → API setup with Instagram login): signs the webhooks of Instagram Login channels.</summary>
    public string InstagramAppSecret { get; set; } = "";

    /// <summary>The token typed into the app dashboard's webhook subscription; the handshake echoes the challenge only when it matches.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>Graph API root, versioned. Tests and staging point it at a fake.</summary>
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com/v25.0";

    /// <summary>The Instagram API root of Instagram Login channels, versioned; the token refresh goes to its unversioned root.</summary>
    public string InstagramApiBaseUrl { get; set; } = "https://graph.instagram.com/v25.0";

    /// <summary>An Instagram Login token is refreshed once it expires within this (and is at least 24 h old).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "59.00:00:00")]
    public TimeSpan InstagramTokenRefreshBefore { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The versioned API root a channel's Graph calls go to: the Instagram API for Instagram Login channels, Graph otherwise.</summary>
    public string ApiBaseFor(Channel channel) =>
        (ChannelSetup.UsesInstagramLogin(channel.Kind, channel.LoginType) ? InstagramApiBaseUrl : GraphApiBaseUrl).TrimEnd('/');

    /// <summary>
    /// The Instagram API root without its version (<c>https://graph.instagram.com</c>): Meta documents
    /// <c>GET /refresh_access_token</c> there, unversioned.
    /// </summary>
    public string InstagramApiRoot()
    {
        var root = InstagramApiBaseUrl.TrimEnd('/');
        var last = root.LastIndexOf('/');
        return last > "https://".Length && System.Text.RegularExpressions.Regex.IsMatch(root[(last + 1)..], @"^v\d+(\.\d+)?$") ? root[..last] : root;
    }
}
