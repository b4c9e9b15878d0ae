using MudBlazor;

namespace Inbox.Web.Components.Layout;

/// <summary>
/// The app's one theme. The stylesheet reads its colours through MudBlazor's <c>--mud-palette-*</c> variables, so every
/// screen (MudBlazor's components and the app's own markup) follows the light or dark palette together.
/// </summary>
public static class InboxTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#5f3dc4",
            Info = "#1864ab",
            Success = "#1b7f4b",
            Warning = "#9a6200",
            Error = "#c92a2a",
            TextPrimary = "#1f2430",
            TextSecondary = "#555b66",
            Background = "#f4f6fa",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2430",
            LinesDefault = "#e5e7eb",
            LinesInputs = "#cfd4dc",
            Divider = "#e5e7eb",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#91a7ff",
            PrimaryContrastText = "#10131a",
            Secondary = "#b197fc",
            Info = "#74c0fc",
            Success = "#69db7c",
            Warning = "#ffc078",
            Error = "#ff8787",
            TextPrimary = "#e9ecf2",
            TextSecondary = "#a3aab8",
            Background = "#15181f",
            Surface = "#1e222b",
            AppbarBackground = "#1e222b",
            AppbarText = "#e9ecf2",
            LinesDefault = "#343a46",
            LinesInputs = "#4a5160",
            Divider = "#343a46",
        },
        Typography = new Typography
        {
            // Sentence case, as everywhere else in the app, rather than Material's upper-case buttons.
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
    };
}
