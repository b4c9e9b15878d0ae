namespace Inbox.Core.Channels;

/// <summary>A channel as the admin page shows it: settings, alerts and quota, with secrets masked (never in clear).</summary>
public sealed record ChannelAdminRow(
    int Id,
    string Key,
    ChannelKind Kind,
    string Name,
    string ExternalId,
    string MaskedAccessToken,
    string MaskedChannelSecret,
    bool HumanAgentApproved,
    bool Simulated,
    bool FromConfiguration,
    int ConversationCount,
    string? AuthError,
    DateTime? AuthErrorAt,
    DateTime? HumanAgentRefusedAt,
    int? LineQuotaLimit,
    int? LineQuotaUsed,
    DateTime? LineQuotaCheckedAt,
    string? BusinessAccountId = null,
    DateTime? SendRestrictedAt = null,
    bool ReadReceipts = true,
    LoginType LoginType = LoginType.Facebook,
    DateTime? AccessTokenExpiresAt = null,
    TokenExpiry TokenExpiry = TokenExpiry.Valid)
{
    /// <summary>Where the platform must send webhooks, relative to the app's public base URL.</summary>
    public string WebhookPath => ChannelSetup.WebhookPath(Kind, Key);

    /// <summary>Only Meta's Messenger and Instagram have the HUMAN_AGENT tag.</summary>
    public bool UsesHumanAgentTag => ChannelSetup.UsesHumanAgentTag(Kind);

    /// <summary>An Instagram account connected with Instagram Login: its token expires unless refreshed.</summary>
    public bool UsesInstagramLogin => ChannelSetup.UsesInstagramLogin(Kind, LoginType);
}
