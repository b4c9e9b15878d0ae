namespace Inbox.Core.Channels;

/// <summary>One connected account on a platform: a Facebook Page, an Instagram account, a WhatsApp number or a LINE bot.</summary>
public class Channel
{
    public int Id { get; set; }

    /// <summary>Stable short name used in URLs, configuration and the API (e.g. <c>acme-fb</c>).</summary>
    public required string Key { get; set; }

    public ChannelKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>Page id, Instagram account id, WhatsApp phone_number_id or LINE bot user id: how webhooks are routed here.</summary>
    public required string ExternalId { get; set; }

    public string? AccessToken { get; set; }

    /// <summary>Instagram channels: connected through a Facebook Page (default) or with Instagram Login.</summary>
    public LoginType LoginType { get; set; }

    /// <summary>When the current access token was entered or last refreshed; null when unknown (before this was recorded).</summary>
    public DateTime? AccessTokenIssuedAt { get; set; }

    /// <summary>Instagram Login: when the platform said the token expires; null until a refresh has told.</summary>
    public DateTime? AccessTokenExpiresAt { get; set; }

    /// <summary>Instagram Login: the refresh job's claim on this channel's token, so two runs never refresh it at once.</summary>
    public DateTime? TokenRefreshClaimedAt { get; set; }

    /// <summary>Channels from configuration: a hash of the token declared there, so a restart only applies a token that changed and keeps a refreshed one.</summary>
    public string? DeclaredTokenHash { get; set; }

    /// <summary>LINE channel secret, used to verify <c>x-line-signature</c>.</summary>
    public string? ChannelSecret { get; set; }

    /// <summary>Meta has approved this Page's app for the HUMAN_AGENT tag; without it no reply is possible after 24 h.</summary>
    public bool HumanAgentApproved { get; set; }

    /// <summary>WhatsApp only: the WhatsApp Business Account id, from which the channel's templates are synced.</summary>
    public string? BusinessAccountId { get; set; }
    /// <summary>Read receipts and typing signals go to the platform when agents open a conversation and type (on by default).</summary>
    public bool ReadReceipts { get; set; } = true;

    /// <summary>A demo channel whose customer side is played by the built-in simulator.</summary>
    public bool Simulated { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Declared in <c>Inbox:Channels</c>: start-up overwrites it, so admins edit it in configuration, not in the page.</summary>
    public bool FromConfiguration { get; set; }

    /// <summary>The platform refused the access token (Graph code 190, LINE 401): sends are held until an admin enters a new one.</summary>
    public string? AuthError { get; set; }

    public DateTime? AuthErrorAt { get; set; }

    /// <summary>Meta refused a HUMAN_AGENT-tagged send (100/2018276): the Page lacks the approval the setting claims.</summary>
    public DateTime? HumanAgentRefusedAt { get; set; }

    /// <summary>Meta temporarily restricted the Page from sending (Graph 10/1893063); cleared by the next send Meta accepts.</summary>
    public DateTime? SendRestrictedAt { get; set; }

    /// <summary>LINE: the monthly push allowance; null when unlimited or not yet fetched.</summary>
    public int? LineQuotaLimit { get; set; }

    /// <summary>LINE: push messages counted against the allowance this month.</summary>
    public int? LineQuotaUsed { get; set; }

    public DateTime? LineQuotaCheckedAt { get; set; }

    /// <summary>LINE: push messages left this month; null when unlimited or unknown.</summary>
    public int? LineQuotaRemaining => LineQuotaLimit is { } limit && LineQuotaUsed is { } used ? Math.Max(0, limit - used) : null;
}
