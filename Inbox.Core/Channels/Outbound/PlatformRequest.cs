using System.Text.Json.Nodes;

namespace Inbox.Core.Channels.Outbound;

/// <summary>One JSON POST to a platform's send API, built from a queued message.</summary>
/// <param name="Url">Absolute endpoint.</param>
/// <param name="Body">The exact payload.</param>
/// <param name="RetryKey">LINE <c>X-Line-Retry-Key</c>: the platform runs the request once however often it is repeated.</param>
public sealed record PlatformRequest(string Url, JsonObject Body, string? RetryKey = null);
