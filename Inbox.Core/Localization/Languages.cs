using System.Globalization;

namespace Inbox.Core.Localization;

/// <summary>Language tags as people and platforms write them (<c>pt-BR</c>, <c>pt_BR</c>, <c>ja</c>, <c>zh-Hant</c>), made comparable.</summary>
public static class Languages
{
    /// <summary>The tag in .NET's canonical spelling (<c>pt_br</c> → <c>pt-BR</c>), or null when it names no language .NET knows.</summary>
    public static string? Normalize(string? tag)
    {
        var trimmed = tag?.Trim().Replace('_', '-');
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 35)
        {
            return null;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(trimmed, predefinedOnly: true);
            return culture.Equals(CultureInfo.InvariantCulture) ? null : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The language's own name ("português (Brasil)"), or the tag when .NET does not know it.</summary>
    public static string NativeName(string tag) => Normalize(tag) is { } name ? CultureInfo.GetCultureInfo(name).NativeName : tag;

    /// <summary>
    /// The text for a customer who speaks <paramref name="language"/>: the translation for exactly that language, else
    /// one for the same language without or with another region (<c>pt-BR</c> ↔ <c>pt</c> ↔ <c>pt-PT</c>), else
    /// <paramref name="fallback"/>, the default text.
    /// </summary>
    public static string Choose(string? language, string fallback, IReadOnlyDictionary<string, string> translations) =>
        Pick(language, translations)?.Value ?? fallback;

    /// <summary>The translation <see cref="Choose"/> takes, with its language; null when the default text applies.</summary>
    public static KeyValuePair<string, string>? Pick(string? language, IReadOnlyDictionary<string, string> translations)
    {
        if (Normalize(language) is not { } wanted || translations.Count == 0)
        {
            return null;
        }

        var neutral = Neutral(wanted);
        var texts = translations.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToList();
        return texts.Cast<KeyValuePair<string, string>?>().FirstOrDefault(t => string.Equals(t!.Value.Key, wanted, StringComparison.OrdinalIgnoreCase))
            ?? texts.Cast<KeyValuePair<string, string>?>().FirstOrDefault(t => string.Equals(t!.Value.Key, neutral, StringComparison.OrdinalIgnoreCase))
            ?? texts.Cast<KeyValuePair<string, string>?>().FirstOrDefault(t => string.Equals(Neutral(t!.Value.Key), neutral, StringComparison.OrdinalIgnoreCase));
    }

    private static string Neutral(string tag) => tag.Split('-')[0];
}
