using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Shared;

/// <summary>
/// A small piece of HTML written as one markup frame. Blazor keeps two render trees per component, each at least 32
/// frames and doubling from there, and every element, attribute and text is a frame: a list row of about 60 frames held
/// two 64-frame arrays (5 KB) in every tab. The row's badge, countdown and meta are each written here as one string, so
/// a row fits in 32 frames. Razor cannot compile a fragment to one markup frame, hence this writer; every attribute
/// value and text goes through <see cref="HtmlEncoder"/>, as Blazor's own rendering does.
/// </summary>
public sealed class HtmlMarkup
{
    // All of Unicode passes as is (names in Cyrillic, Thai or Japanese stay readable and short); what HTML gives meaning
    // to (<, >, &, quotes) and what is unsafe is still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder html = new(256);

    /// <summary>Opens <paramref name="element"/>; attributes whose value is null are left out, as Blazor leaves them out.</summary>
    public HtmlMarkup Open(string element, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        html.Append('<').Append(element);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
            }
        }

        html.Append('>');
        return this;
    }

    public HtmlMarkup Text(string text)
    {
        html.Append(Encoder.Encode(text));
        return this;
    }

    /// <summary>
    /// An icon's SVG shapes (MudBlazor's <c>Icons</c> constants), written as they are. Anything else is refused, so a
    /// customer's or an agent's text passed here by mistake fails loudly instead of becoming markup in every tab.
    /// </summary>
    public HtmlMarkup Trusted(string markup)
    {
        html.Append(SvgShapes.Checked(markup));
        return this;
    }

    public HtmlMarkup Close(string element)
    {
        html.Append("</").Append(element).Append('>');
        return this;
    }

    public MarkupString ToMarkup() => new(html.ToString());
}
