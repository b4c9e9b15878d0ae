namespace Inbox.Core.Channels;

/// <summary>A channel declared in configuration (<c>Inbox:Channels</c>), upserted by key at start-up.</summary>
public sealed class ChannelSettings
{
    public string Key { get; set; } = "";

    public ChannelKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Page id, Instagram account id, WhatsApp phone_number_id or LINE bot user id.</summary>
    public string ExternalId { get; set; } = "";

    public string? AccessToken { get; set; }

    /// <summary>LINE only: verifies <c>x-line-signature</c>.</summary>
    public string? ChannelSecret { get; set; }

    public bool HumanAgentApproved { get; set; }

    /// <summary>Instagram only: <c>Instagram</c> for an account connected with Instagram Login; <c>Facebook</c> (default) through a Page.</summary>
    public LoginType LoginType { get; set; }

    /// <summary>WhatsApp only: the WhatsApp Business Account id, for syncing templates from Meta.</summary>
    public string? BusinessAccountId { get; set; }
    /// <summary>Send read receipts and typing signals to the platform (on by default).</summary>
    public bool ReadReceipts { get; set; } = true;
}
