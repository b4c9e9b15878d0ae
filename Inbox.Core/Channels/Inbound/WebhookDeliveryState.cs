namespace Inbox.Core.Channels.Inbound;

public enum WebhookDeliveryState
{
    /// <summary>Stored and acknowledged, not yet turned into conversations.</summary>
    Pending,
    Processed,

    /// <summary>Processing threw on every attempt; kept for inspection and replay.</summary>
    Failed,

    /// <summary>A failed delivery an admin chose not to replay; kept (and audited) until retention clears it.</summary>
    Discarded,
}
