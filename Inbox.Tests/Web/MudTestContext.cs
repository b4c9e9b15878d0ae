using Bunit;
using Inbox.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Inbox.Tests.Web;

/// <summary>A bunit context with MudBlazor's services, its JavaScript calls answered loosely, and the popover host rendered.</summary>
public static class MudTestContext
{
    /// <summary>Dispose it asynchronously (<c>await using</c>): MudBlazor's services only dispose that way.</summary>
    public static BunitContext Create()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddCoreText();
        return ctx;
    }

    /// <summary>Renders the host that select lists, tooltips and dialogs open into; returns it to find their content.</summary>
    public static IRenderedComponent<MudPopoverProvider> RenderPopovers(this BunitContext ctx) => ctx.Render<MudPopoverProvider>();
}
