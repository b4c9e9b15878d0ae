using System.Globalization;
using System.Text.Json;

namespace Inbox.Core.Channels.Inbound;

/// <summary>Tolerant reads from webhook JSON: a missing or mistyped field is null, never an exception.</summary>
internal static class JsonPaths
{
    /// <summary>Parses a webhook body; anything but well-formed JSON is a <see cref="WebhookFormatException"/> (HTTP 400).</summary>
    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException($"The body is not valid JSON: {ex.Message}", ex);
        }
    }

    public static JsonElement? Get(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A string, or a number written as text (ids arrive both ways).</summary>
    public static string? Str(this JsonElement element, params string[] path) => element.Get(path) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    public static long? Long(this JsonElement element, params string[] path) => element.Get(path) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var value) => value,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    public static bool Bool(this JsonElement element, params string[] path) =>
        element.Get(path) is { ValueKind: JsonValueKind.True };

    public static IEnumerable<JsonElement> Array(this JsonElement element, params string[] path) =>
        element.Get(path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static DateTime? FromUnixMilliseconds(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value).UtcDateTime : null;

    public static DateTime? FromUnixSeconds(long? seconds) => seconds is { } value ? DateTimeOffset.FromUnixTimeSeconds(value).UtcDateTime : null;
}
