namespace Inbox.Core.Channels.Meta;

/// <summary>The Meta app behind the Messenger, Instagram and WhatsApp channels (<c>Meta</c> section).</summary>
public sealed class MetaOptions
{
    public const string Section = "Meta";

    /// <summary>Signs every webhook POST (<c>X-Hub-Signature-256</c>). Without it, Meta webhooks are refused.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The token typed into the app dashboard's webhook subscription; the handshake echoes the challenge only when it matches.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>Graph API root, versioned. Tests and staging point it at a fake.</summary>
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com/v25.0";
}
