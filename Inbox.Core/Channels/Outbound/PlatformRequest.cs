using System.Text.Json.Nodes;

namespace Inbox.Core.Channels.Outbound;

/// <summary>One POST to a platform's send API, built from a queued message: JSON, or a file upload.</summary>
/// <param name="Url">Absolute endpoint.</param>
/// <param name="Body">The exact payload; for an upload, its form fields besides the file.</param>
/// <param name="RetryKey">LINE <c>X-Line-Retry-Key</c>: the platform runs the request once however often it is repeated.</param>
/// <param name="Upload">
/// Makes the multipart/form-data body of an upload, sent instead of <paramref name="Body"/> as JSON; called once per attempt,
/// so every retry reads the file afresh.
/// </param>
public sealed record PlatformRequest(string Url, JsonObject Body, string? RetryKey = null, Func<HttpContent>? Upload = null);
