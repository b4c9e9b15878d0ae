using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Inbox.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, whose style text (about 60 KB of CSS variables) is one shared copy per distinct text
/// for every circuit. MudBlazor builds it anew on each render, so each open tab held its own copies in its current and
/// previous render trees: some 120 KB of server memory per tab, for a text that is the same for all.
/// </summary>
/// <remarks>
/// Renders what <see cref="MudThemeProvider"/>'s own markup renders (MudBlazor 9.12): the scrollbar style, the chart
/// hover style and the theme; the provider's other work (system dark-mode detection, palette state) is inherited as is.
/// The text is still built by MudBlazor on each render (from its own dark-mode state, which may differ from the
/// parameter), then swapped for the shared copy of the same text, so what is shown is always what MudBlazor built.
/// </remarks>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    // A light and a dark text per theme; the bound keeps an unexpected variety from growing it.
    private const int MostStyles = 16;
    private static readonly ConcurrentDictionary<string, string> Styles = new(StringComparer.Ordinal);
    private static readonly Lazy<MarkupString> Scrollbar = new(() => (MarkupString)BuildMudBlazorScrollbar());

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
        {
            builder.AddContent(0, Scrollbar.Value);
        }

        builder.AddMarkupContent(1, ChartStyle);
        builder.AddContent(2, (MarkupString)Shared(BuildTheme()));
    }

    private static string Shared(string style) =>
        Styles.TryGetValue(style, out var shared) ? shared : Styles.Count < MostStyles ? Styles.GetOrAdd(style, style) : style;
}
