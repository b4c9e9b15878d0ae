using Inbox.Web.Endpoints;
using Inbox.Web.Realtime;
using Inbox.Web.Security;
using Microsoft.Extensions.Configuration.Json;
using MudBlazor.Services;

namespace Inbox.Web;

public static class InboxWebExtensions
{
    /// <summary>
    /// Loads the repository-root <c>appsettings.json</c> (copied next to the binaries) beneath every other source,
    /// so <c>appsettings.{Environment}.json</c>, environment variables and the command line still override it.
    /// </summary>
    public static WebApplicationBuilder AddInboxConfiguration(this WebApplicationBuilder builder)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(shipped) && !Path.GetFullPath(shipped).Equals(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json"), StringComparison.Ordinal))
        {
            var source = new JsonConfigurationSource { Path = shipped, Optional = false, ReloadOnChange = false };
            source.ResolveFileProvider();
            var index = builder.Configuration.Sources.ToList().FindIndex(s => s is JsonConfigurationSource);
            builder.Configuration.Sources.Insert(Math.Max(index, 0), source);
        }

        // Serve the component libraries' assets from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>The web layer: Blazor Server, MudBlazor, problem details, the API description, health checks, the per-circuit clock, agent presence and live updates.</summary>
    public static IServiceCollection AddInboxWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(hub =>
        {
            // Each open tab's connection exchanges keep-alive pings both ways; at SignalR's 15 s each one wakes the server
            // eight times a minute per idle tab. Every 30 s is enough to keep proxies from closing an idle WebSocket, and a
            // tab that stops answering is let go after 60 s. The browser's side of the pair is wwwroot/js/blazor-start.js,
            // which must keep its server timeout at twice this interval and its own pings at half this timeout.
            hub.KeepAliveInterval = TimeSpan.FromSeconds(30);
            hub.ClientTimeoutInterval = TimeSpan.FromSeconds(60);
        });
        services.AddCascadingAuthenticationState();
        // MudBlazor's popover service runs a timer per circuit to tell the browser, in batches, to stop watching popovers
        // already removed from the page; at its default half second, two wake-ups a second per open tab were most of an
        // idle tab's server CPU, and at 15 s still a quarter of an idle tab's wake-ups. Nothing on screen waits for it:
        // a closed menu is gone from the page at once, only its resize watcher lingers until the batch.
        services.AddMudServices(mud => mud.PopoverOptions.QueueDelay = TimeSpan.FromSeconds(60));
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitClock>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, PresenceCircuitHandler>();
        services.AddInboxRealtime(configuration);
        services.AddInboxRateLimits();
        services.AddTransportSecurity();
        services.AddCircuitRevalidation();
        services.AddApiDocumentation();
        services.AddInboxHealthChecks();
        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower)));
        return services;
    }
}
