using Bunit;
using Inbox.Core.Localization;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Inbox.Tests.TestSupport;

/// <summary>A bunit context set up the way the app renders its components: MudBlazor's services, a live circuit.</summary>
public static class ComponentContext
{
    /// <summary>
    /// A context whose components get Core's services from <paramref name="core"/> and run as on an interactive circuit.
    /// JavaScript calls (MudBlazor's, the composer's key module) succeed without a browser. <paramref name="configure"/>
    /// adds what else the test needs (a signed-in user, options): services are fixed once the renderer exists.
    /// The circuit clock that ticks countdowns runs on <paramref name="time"/> (the system clock when not given).
    /// </summary>
    public static BunitContext Create(IServiceProvider? core = null, Action<BunitContext>? configure = null, TimeProvider? time = null)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddCoreText();
        context.Services.AddScoped(_ => new CircuitClock(time ?? TimeProvider.System));
        if (core is not null)
        {
            context.Services.AddFallbackServiceProvider(core);
        }

        context.JSInterop.Mode = JSRuntimeMode.Loose;
        configure?.Invoke(context);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}
