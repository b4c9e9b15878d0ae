using System.Text.Json.Nodes;

namespace Inbox.Core.Channels.Outbound;

/// <summary>The platform's last answer to a request, classified, and how many calls it took.</summary>
/// <param name="Status">HTTP status; 0 when no answer came (timeout, network).</param>
/// <param name="Body">Response body as received.</param>
/// <param name="Error">Null on success.</param>
/// <param name="Calls">Requests made, retries included.</param>
public sealed record PlatformReply(int Status, string Body, SendError? Error, int Calls)
{
    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json() => JsonBodies.Parse(Body);
}
