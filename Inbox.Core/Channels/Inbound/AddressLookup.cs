namespace Inbox.Core.Channels.Inbound;

/// <summary>How fresh a <see cref="WebhookAddressBook"/> lookup must be.</summary>
public enum AddressLookup
{
    /// <summary>The cached addresses while they are fresh.</summary>
    Cached,

    /// <summary>The webhook names an address the cache lacks: reload, unless a miss reloaded a moment ago.</summary>
    AfterMiss,

    /// <summary>Always read the channels (the processor, once per batch, routing from the database).</summary>
    Reload,
}
