namespace Inbox.Core.Channels.Inbound;

/// <summary>The body is not JSON, or not the envelope the platform documents: answered with 400.</summary>
public sealed class WebhookFormatException(string message, Exception? inner = null) : Exception(message, inner);
