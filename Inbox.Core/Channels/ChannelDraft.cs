namespace Inbox.Core.Channels;

/// <summary>
/// What an admin typed into the channel form. Secrets are write-only: when editing, an empty
/// <see cref="AccessToken"/> or <see cref="ChannelSecret"/> keeps the stored one.
/// </summary>
public sealed class ChannelDraft
{
    public string Key { get; set; } = "";

    public ChannelKind Kind { get; set; } = ChannelKind.Messenger;

    public string Name { get; set; } = "";

    /// <summary>Page id, Instagram account id, WhatsApp phone_number_id or LINE bot user id.</summary>
    public string ExternalId { get; set; } = "";

    public string? AccessToken { get; set; }

    /// <summary>LINE only: verifies <c>x-line-signature</c>.</summary>
    public string? ChannelSecret { get; set; }

    /// <summary>Messenger and Instagram only: Meta approved the app for the HUMAN_AGENT tag.</summary>
    public bool HumanAgentApproved { get; set; }

    /// <summary>Instagram only: connected through a Facebook Page (default) or with Instagram Login.</summary>
    public LoginType LoginType { get; set; }

    /// <summary>WhatsApp only: the WhatsApp Business Account id; templates are synced from it when set.</summary>
    public string? BusinessAccountId { get; set; }
    /// <summary>Send read receipts and typing signals to the platform.</summary>
    public bool ReadReceipts { get; set; } = true;

    /// <summary>A draft to edit an existing channel: its settings, with both secrets left blank ("unchanged").</summary>
    public static ChannelDraft Of(ChannelAdminRow row) => new()
    {
        Key = row.Key,
        Kind = row.Kind,
        Name = row.Name,
        ExternalId = row.ExternalId,
        HumanAgentApproved = row.HumanAgentApproved,
        LoginType = row.LoginType,
        BusinessAccountId = row.BusinessAccountId,
        ReadReceipts = row.ReadReceipts,
    };
}
