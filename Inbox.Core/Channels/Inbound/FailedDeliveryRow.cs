namespace Inbox.Core.Channels.Inbound;

/// <summary>A parked webhook delivery as the admin page lists it; the body is read on demand.</summary>
/// <param name="ChannelIds">The channels its events were addressed to; empty when the body names none the inbox knows or cannot be read.</param>
public sealed record FailedDeliveryRow(
    long Id, WebhookPlatform Platform, IReadOnlyList<int> ChannelIds, DateTime ReceivedAt, int Attempts, DateTime? LastAttemptAt, string? Error, int BodyLength);
