using System.Text.Json.Nodes;

namespace Inbox.Testing;

/// <summary>One request the fake platform received, as sent on the wire.</summary>
/// <param name="Delivered">
/// Whether this call put a message in front of the customer under the default answers: a LINE repeat whose
/// <c>X-Line-Retry-Key</c> was already accepted does not. A scripted path's answers are the test's to choose.
/// </param>
/// <param name="Query">The query string, with its <c>?</c>, or empty.</param>
/// <param name="Parts">A multipart/form-data request's fields and files, in order; null for any other body.</param>
public sealed record RecordedRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, bool Delivered = true, string Query = "", IReadOnlyList<FormPart>? Parts = null)
{
    /// <summary>The multipart part named <paramref name="name"/>; fails when there is none.</summary>
    public FormPart Part(string name) => Parts?.FirstOrDefault(p => p.Name == name) ?? throw new InvalidOperationException($"No form part '{name}' in the request to {Path}.");

    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    /// <summary>LINE's <c>X-Line-Retry-Key</c>, when sent.</summary>
    public string? RetryKey => Header(FakePlatformServer.LineRetryKeyHeader);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
