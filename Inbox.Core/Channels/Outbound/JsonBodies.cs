using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Core.Channels.Outbound;

/// <summary>Tolerant reading of platform response bodies: a malformed answer is a missing value, never an exception.</summary>
internal static class JsonBodies
{
    public static JsonNode? Parse(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
