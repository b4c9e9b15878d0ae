using Inbox.Core.Channels.Inbound;

namespace Inbox.Core.Channels.Meta;

/// <summary>The events of one <c>entry</c> (or one WhatsApp change), addressed to one channel by its platform id.</summary>
/// <param name="ExternalId">Page id, Instagram account id or WhatsApp <c>metadata.phone_number_id</c>.</param>
public sealed record MetaWebhookEntry(ChannelKind Kind, string ExternalId, IReadOnlyList<InboundItem> Items);
