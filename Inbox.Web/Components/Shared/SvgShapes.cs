using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Inbox.Web.Components.Shared;

/// <summary>
/// The check <see cref="HtmlMarkup.Trusted"/> and <c>SvgIcon.Mark</c> make before writing an icon as it is: SVG shapes
/// only (path, g, rect, circle, …) with plain attributes, no event handlers, no script, no links and no text. Icons are
/// a few dozen constants, so each is checked once and remembered.
/// </summary>
internal static partial class SvgShapes
{
    private static readonly HashSet<string> Shapes = new(StringComparer.Ordinal)
    {
        "path", "g", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    };

    // Only what passed is remembered: a refused string (text that should never get here) adds nothing to keep.
    private static readonly ConcurrentDictionary<string, byte> Passed = new(StringComparer.Ordinal);

    /// <summary>The markup itself when it is SVG shapes only; otherwise an <see cref="ArgumentException"/>.</summary>
    public static string Checked(string markup)
    {
        if (!Passed.ContainsKey(markup))
        {
            if (!Allowed(markup))
            {
                throw new ArgumentException("Only an icon's SVG shapes may be written as markup; text must go through HtmlMarkup.Text.", nameof(markup));
            }

            Passed.TryAdd(markup, 0);
        }

        return markup;
    }

    private static bool Allowed(string markup)
    {
        var end = 0;
        foreach (Match tag in Tag().Matches(markup))
        {
            // Nothing but white space between tags: no text, no comments, no stray angle brackets.
            if (!string.IsNullOrWhiteSpace(markup[end..tag.Index]) || !Shapes.Contains(tag.Groups["name"].Value))
            {
                return false;
            }

            foreach (Match attribute in Attribute().Matches(tag.Groups["attributes"].Value))
            {
                var name = attribute.Groups["name"].Value;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name.Contains("href", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            // What is left of the attributes once the well-formed ones are taken out must be nothing but white space.
            if (!string.IsNullOrWhiteSpace(Attribute().Replace(tag.Groups["attributes"].Value, "")))
            {
                return false;
            }

            end = tag.Index + tag.Length;
        }

        return string.IsNullOrWhiteSpace(markup[end..]);
    }

    [GeneratedRegex(@"<\s*/?\s*(?<name>[a-zA-Z]+)(?<attributes>[^<>]*?)\s*/?\s*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s(?<name>[a-zA-Z][a-zA-Z0-9:-]*)\s*=\s*(""[^""<>]*""|'[^'<>]*')")]
    private static partial Regex Attribute();
}
