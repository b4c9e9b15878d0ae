using System.Globalization;

namespace Inbox.Core.Localization;

/// <summary>
/// A sentence decided in Core and worded at the edge, in the reader's language. <see cref="Key"/> is the English
/// composite format ("The 7-day human agent window closed at {0}; …"), which is both the stable code the resources are
/// keyed by (<c>CoreText.{culture}.resx</c>) and the English text. <see cref="Args"/> are values, not words: UTC instants,
/// numbers, proper nouns and nested phrases, formatted only when the phrase is rendered.
/// </summary>
public sealed record Phrase(string Key, params IReadOnlyList<object> Args)
{
    /// <summary>
    /// A text built in English only (older messages not yet written as phrases): it is its own key, so it shows in English
    /// until it becomes a phrase with a translation.
    /// </summary>
    public static implicit operator Phrase(string text) => new(text);

    /// <summary>The English text with instants as <c>yyyy-MM-dd HH:mm UTC</c>: for logs and stored records, never for a reader.</summary>
    public override string ToString() => Render(key => key, CultureInfo.InvariantCulture);

    /// <summary>Words the phrase with <paramref name="translate"/> (English key → text) and formats its values in <paramref name="culture"/>.</summary>
    public string Render(Func<string, string> translate, CultureInfo culture)
    {
        var values = Args.Select(a => Format(a, translate, culture)).ToArray();
        return values.Length == 0 ? translate(Key) : string.Format(culture, translate(Key), values);
    }

    private static object Format(object value, Func<string, string> translate, CultureInfo culture) => value switch
    {
        Phrase nested => nested.Render(translate, culture),
        DateTime utc when culture.Equals(CultureInfo.InvariantCulture) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", culture),
        DateTime utc => utc.ToString("g", culture) + " UTC",
        _ => value,
    };
}
