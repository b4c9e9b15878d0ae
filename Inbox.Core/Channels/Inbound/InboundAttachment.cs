namespace Inbox.Core.Channels.Inbound;

/// <summary>A file a customer sent, as the webhook names it; the app downloads it after the webhook is answered.</summary>
/// <param name="Kind"><c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c> or <c>sticker</c>.</param>
/// <param name="Source">Messenger/Instagram: the attachment URL. WhatsApp: the media id. LINE: the message id, or the external URL.</param>
/// <param name="FileName">The document's own name, when the payload has one.</param>
/// <param name="MimeType">The content type the payload declares (WhatsApp), checked again against the bytes.</param>
public sealed record InboundAttachment(string Kind, string Source, string? FileName = null, string? MimeType = null);
