namespace Inbox.Core.Channels.Inbound;

/// <summary>A customer wrote: text, an attachment placeholder, or a button tap.</summary>
/// <param name="PlatformMessageId">The message's own id (<c>mid</c>, <c>wamid</c>, LINE message id).</param>
/// <param name="SenderId">PSID, IGSID, WhatsApp BSUID (or wa_id when WhatsApp sent no BSUID), or LINE user id.</param>
/// <param name="SenderName">The name the platform sent along (WhatsApp profile); null when the payload has none.</param>
/// <param name="FromAd">The thread began from a Click-to-Messenger/Direct ad: Meta extends the standard window to 7 days.</param>
/// <param name="ReplyToken">LINE: the single-use reply token.</param>
/// <param name="Standby">LINE <c>mode=standby</c>: stored, never answered.</param>
/// <param name="Identity">WhatsApp: the BSUID, phone number, parent BSUID and username the webhook carried.</param>
/// <param name="Attachments">Photos, videos, audio, stickers and files to download; empty for text.</param>
/// <param name="MarkAsReadToken">LINE: <c>message.markAsReadToken</c>, which marks this message and those before it read.</param>
public sealed record InboundMessage(
    string EventId,
    string PlatformMessageId,
    string SenderId,
    string? SenderName,
    DateTime At,
    string Text,
    string? AttachmentType = null,
    string? AttachmentUrl = null,
    bool FromAd = false,
    string? ReplyToken = null,
    bool Standby = false,
    InboundIdentity? Identity = null,
    IReadOnlyList<InboundAttachment>? Attachments = null,
    string? MarkAsReadToken = null) : InboundItem(EventId);
