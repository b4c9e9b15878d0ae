using System.Globalization;
using System.Text.Json.Nodes;

namespace Inbox.Core.Localization;

/// <summary>
/// A phrase as stored with a record that is read later (an activity entry): the key and its values, each tagged with
/// its kind, so the entry is worded in whoever reads it's language: <c>{"k":"Assigned to {0}","a":[{"s":"Kim"}]}</c>.
/// </summary>
public static class PhraseJson
{
    public static string Write(Phrase phrase) => Node(phrase).ToJsonString();

    /// <summary>The stored phrase, or null for an entry stored as text only (written before phrases were kept) or unreadable.</summary>
    public static Phrase? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject node ? Phrase(node) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static JsonObject Node(Phrase phrase) => new()
    {
        ["k"] = phrase.Key,
        ["a"] = new JsonArray([.. phrase.Args.Select(Value)]),
    };

    private static JsonNode Value(object value) => value switch
    {
        Phrase nested => new JsonObject { ["p"] = Node(nested) },
        DateTime at => new JsonObject { ["d"] = at.ToString("O", CultureInfo.InvariantCulture) },
        int or long or double or decimal => new JsonObject { ["n"] = Convert.ToDecimal(value, CultureInfo.InvariantCulture) },
        _ => new JsonObject { ["s"] = Convert.ToString(value, CultureInfo.InvariantCulture) },
    };

    private static Phrase Phrase(JsonObject node) =>
        new((string?)node["k"] ?? "", [.. (node["a"] as JsonArray ?? []).OfType<JsonObject>().Select(Value)]);

    private static object Value(JsonObject node) =>
        node["p"] is JsonObject nested ? Phrase(nested)
        : node["d"] is { } at ? DateTime.Parse((string)at!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
        : node["n"] is { } number ? (decimal)number
        : (string?)node["s"] ?? "";
}
