using System.Globalization;
using System.Resources;

namespace Inbox.Core.Localization;

/// <summary>
/// The texts Core words for people (the policy's reasons and notes, automation log entries, validation messages):
/// <c>IStringLocalizer&lt;CoreText&gt;</c> looks each English text up in <c>CoreText.{culture}.resx</c> beside this file and
/// falls back to the English text itself, as the UI's own strings do.
/// </summary>
public sealed class CoreText
{
    private static readonly ResourceManager Resources = new(typeof(CoreText).FullName!, typeof(CoreText).Assembly);

    /// <summary>
    /// <paramref name="phrase"/> in <paramref name="language"/> (a language tag), for words sent to a customer in their own
    /// language rather than the reader's; English when <paramref name="language"/> is null or has no translation.
    /// </summary>
    public static string In(string? language, Phrase phrase)
    {
        var culture = Culture(language);
        return phrase.Render(key => Lookup(key, culture), culture);
    }

    /// <summary>The culture of a stored language tag; English (invariant) for none or one .NET cannot read, never an exception in a job.</summary>
    private static CultureInfo Culture(string? language)
    {
        try
        {
            return string.IsNullOrWhiteSpace(language) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static string Lookup(string key, CultureInfo culture)
    {
        try
        {
            return Resources.GetString(key, culture) ?? key;
        }
        catch (MissingManifestResourceException)
        {
            // No English resources exist: the key is the English text.
            return key;
        }
    }
}
