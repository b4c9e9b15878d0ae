using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Localization;

/// <summary>Stores a text's translations (language tag → text) as one JSON object column, <c>{}</c> when there are none.</summary>
internal static class TranslationsColumn
{
    public static PropertyBuilder<Dictionary<string, string>> AsTranslations(this PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasConversion(
                texts => JsonSerializer.Serialize(texts, JsonSerializerOptions.Default),
                json => Read(json),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => Same(a!, b!),
                    texts => texts.Aggregate(0, (hash, t) => HashCode.Combine(hash, t.Key.ToLowerInvariant(), t.Value)),
                    texts => new Dictionary<string, string>(texts, StringComparer.OrdinalIgnoreCase)))
            .HasDefaultValueSql("'{}'")
            .IsRequired();

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(t => b.TryGetValue(t.Key, out var text) && text == t.Value);

    private static Dictionary<string, string> Read(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? [], StringComparer.OrdinalIgnoreCase);
}
