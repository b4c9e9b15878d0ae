using Inbox.Core.Channels.Inbound;

namespace Inbox.Core.Channels.Meta;

/// <summary>The events of one <c>entry</c> (or one WhatsApp change), addressed to one channel by its platform id.</summary>
/// <param name="ExternalId">Page id, Instagram account id or WhatsApp <c>metadata.phone_number_id</c>.</param>
public sealed record MetaWebhookEntry(ChannelKind Kind, string ExternalId, IReadOnlyList<InboundItem> Items)
{
    /// <summary>
    /// How a WhatsApp Business Account is addressed among the channels' ids: template updates name the account, not a
    /// number, and are routed to any channel on it.
    /// </summary>
    public static string AccountAddress(string businessAccountId) => "waba:" + businessAccountId;

    /// <summary>An account-level entry (template updates): an account no channel names is acknowledged and ignored, not refused.</summary>
    public bool ForAccount => ExternalId.StartsWith("waba:", StringComparison.Ordinal);
}
