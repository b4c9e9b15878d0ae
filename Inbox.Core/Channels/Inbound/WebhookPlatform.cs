namespace Inbox.Core.Channels.Inbound;

public enum WebhookPlatform
{
    /// <summary>Messenger, Instagram and WhatsApp Cloud API: one app, one endpoint, one signature secret.</summary>
    Meta,
    Line,
}
