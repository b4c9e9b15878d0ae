using Bunit;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Layout;
using MudBlazor;

namespace Inbox.Tests.Web.Layout;

/// <summary>
/// The theme provider that shares its style text between circuits writes exactly what MudBlazor's own provider writes,
/// in both modes: the page looks the same, only the server keeps one copy.
/// </summary>
public sealed class SharedThemeProviderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_LightOrDark_MarkupIsMudBlazorsOwn(bool dark)
    {
        await using var ctx = ComponentContext.Create();
        var mud = ctx.Render<MudThemeProvider>(p => p.Add(t => t.Theme, InboxTheme.Theme).Add(t => t.IsDarkMode, dark));
        var shared = ctx.Render<SharedThemeProvider>(p => p.Add(t => t.Theme, InboxTheme.Theme).Add(t => t.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary", shared.Markup);
        Assert.Equal(mud.Markup, shared.Markup);
    }

    [Fact]
    public async Task Render_ModeChanges_TheOtherPaletteIsWritten()
    {
        await using var ctx = ComponentContext.Create();
        var provider = ctx.Render<SharedThemeProvider>(p => p.Add(t => t.Theme, InboxTheme.Theme).Add(t => t.IsDarkMode, false));
        var light = provider.Markup;

        provider.Render(p => p.Add(t => t.Theme, InboxTheme.Theme).Add(t => t.IsDarkMode, true));

        Assert.NotEqual(light, provider.Markup);
        var dark = ctx.Render<MudThemeProvider>(p => p.Add(t => t.Theme, InboxTheme.Theme).Add(t => t.IsDarkMode, true));
        Assert.Equal(dark.Markup, provider.Markup);
    }
}
