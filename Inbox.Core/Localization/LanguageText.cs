namespace Inbox.Core.Localization;

/// <summary>One translation of an automation text, as an admin edits it: the language tag and the text in that language.</summary>
public sealed class LanguageText
{
    public string Language { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Editable rows for a stored set of translations, in the order the tags sort.</summary>
    public static List<LanguageText> Rows(IReadOnlyDictionary<string, string> translations) =>
        [.. translations.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Select(t => new LanguageText { Language = t.Key, Text = t.Value })];

    /// <summary>
    /// The rows as stored translations, tags normalized and empty rows dropped; or the first thing wrong, in words
    /// (an unknown language, the same language twice, a text over <paramref name="maxLength"/> characters).
    /// </summary>
    public static (Dictionary<string, string> Translations, Phrase? Problem) Check(IEnumerable<LanguageText> rows, Phrase what, int maxLength)
    {
        var translations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => !string.IsNullOrWhiteSpace(r.Language) || !string.IsNullOrWhiteSpace(r.Text)))
        {
            if (Languages.Normalize(row.Language) is not { } language)
            {
                return (translations, new Phrase("\"{0}\" is not a language tag this server knows (use one like pt-BR, es or ja).", row.Language.Trim()));
            }

            var text = row.Text.Trim();
            if (text.Length == 0)
            {
                return (translations, new Phrase("Write the {0} text in {1}, or remove that language.", what, Languages.NativeName(language)));
            }

            if (text.Length > maxLength)
            {
                return (translations, new Phrase("Each {0} text is limited to {1:N0} characters.", what, maxLength));
            }

            if (!translations.TryAdd(language, text))
            {
                return (translations, new Phrase("The {0} has two texts in {1}; keep one.", what, Languages.NativeName(language)));
            }
        }

        return (translations, null);
    }
}
