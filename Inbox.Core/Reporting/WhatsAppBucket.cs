namespace Inbox.Core.Reporting;

/// <summary>The columns of the WhatsApp cost report.</summary>
public enum WhatsAppBucket
{
    Marketing,
    Utility,
    Authentication,
    OtherTemplate,
    Service,
}
