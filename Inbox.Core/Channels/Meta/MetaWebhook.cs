namespace Inbox.Core.Channels.Meta;

/// <summary>A parsed Meta webhook delivery.</summary>
/// <param name="Object">The envelope's <c>object</c>: <c>page</c>, <c>instagram</c> or <c>whatsapp_business_account</c> (others are acknowledged and ignored).</param>
/// <param name="Entries">Events grouped by the channel they are addressed to.</param>
/// <param name="Unaddressed">Changes that name no channel (e.g. WhatsApp account or template updates): logged, acknowledged.</param>
public sealed record MetaWebhook(string Object, IReadOnlyList<MetaWebhookEntry> Entries, IReadOnlyList<string> Unaddressed);
