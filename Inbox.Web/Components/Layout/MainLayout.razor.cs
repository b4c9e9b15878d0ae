using System.Security.Claims;
using Inbox.Core.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace Inbox.Web.Components.Layout;

/// <summary>
/// The signed-in shell: navigation, the agent's status, the theme toggle and the app-wide providers. The theme follows
/// the browser's light or dark preference until the person picks one; their pick is kept in the browser.
/// </summary>
public partial class MainLayout : IAsyncDisposable
{
    private SharedThemeProvider? themeProvider;
    private IJSObjectReference? themeStore;
    private bool dark;
    private bool chosen;

    // Re-created (so closed) on every navigation: the open state of a <details> lives in the DOM, not in Blazor.
    private string location = "";

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized()
    {
        location = Navigation.Uri;
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || themeProvider is null)
        {
            return;
        }

        themeStore = await JS.InvokeAsync<IJSObjectReference>("import", "/js/theme.js");
        var stored = await themeStore.InvokeAsync<string?>("storedMode");
        chosen = stored is "dark" or "light";
        dark = chosen ? stored == "dark" : await themeProvider.GetSystemDarkModeAsync();
        await themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChangedAsync);
        StateHasChanged();
    }

    private async Task ToggleThemeAsync()
    {
        (dark, chosen) = (!dark, true);
        if (themeStore is not null)
        {
            await themeStore.InvokeVoidAsync("storeMode", dark ? "dark" : "light");
        }
    }

    private Task OnSystemDarkModeChangedAsync(bool systemDark)
    {
        if (chosen)
        {
            return Task.CompletedTask;
        }

        dark = systemDark;
        return InvokeAsync(StateHasChanged);
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        location = e.Location;
        _ = InvokeAsync(StateHasChanged);
    }

    private static string? DisplayName(ClaimsPrincipal user) =>
        user.FindFirst(InboxClaimsFactory.DisplayNameClaim)?.Value ?? user.Identity?.Name;

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        if (themeStore is not null)
        {
            try
            {
                await themeStore.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
