using System.Security.Claims;
using Inbox.Core.Identity;
using Inbox.Core.Routing;
using Inbox.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
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

    // The location's path without query or fragment, for marking the active link (derived once per navigation).
    private string path = "";

    // The signed-in user and what they may open, read once per render of the layout instead of an AuthorizeView per
    // part: each of those was a component kept in every tab.
    private ClaimsPrincipal? user;
    private bool supervisor;
    private bool admin;

    // The signed-in agent and their status (the header's menu); no agent for a user who is not one.
    private int? agentId;
    private bool away;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private AgentDirectory Directory { get; set; } = default!;

    [Inject]
    private AgentPresence Presence { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private AntiforgeryStateProvider Antiforgery { get; set; } = default!;

    private AntiforgeryRequestToken? antiforgery;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized()
    {
        SetLocation(Navigation.Uri);
        antiforgery = Antiforgery.GetAntiforgeryToken();
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        var principal = Authentication is null ? null : (await Authentication).User;
        var signedIn = principal?.Identity?.IsAuthenticated == true ? principal : null;
        var userId = signedIn?.FindFirstValue(ClaimTypes.NameIdentifier);
        var userChanged = userId != user?.FindFirstValue(ClaimTypes.NameIdentifier);
        user = signedIn;
        supervisor = user is not null && (await Authorization.AuthorizeAsync(user, Policies.Supervisor)).Succeeded;
        admin = user is not null && (await Authorization.AuthorizeAsync(user, Policies.Admin)).Succeeded;
        if (userChanged)
        {
            var agent = userId is null ? null : await Directory.SummaryOfUserAsync(userId);
            (agentId, away) = (agent?.Id, agent?.Away ?? false);
        }
    }

    private async Task ChooseAwayAsync(ChangeEventArgs change)
    {
        away = (string?)change.Value == "away";
        await Presence.SetAwayAsync(agentId!.Value, away);
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
        SetLocation(e.Location);
        _ = InvokeAsync(StateHasChanged);
    }

    /// <summary>
    /// A link of the main menu, marked active (and current for screen readers) on its page, or under it unless
    /// <paramref name="exact"/>, as <c>NavLink</c> marks it.
    /// </summary>
    private RenderFragment NavItem(string href, string label, string icon, string? testId, bool exact = false)
    {
        var active = exact ? path == href : path == href || path.StartsWith(href + "/", StringComparison.Ordinal);
        return builder =>
        {
            builder.OpenElement(0, "a");
            builder.AddAttribute(1, "href", "/" + href);
            builder.AddAttribute(2, "class", active ? "nav-item active" : "nav-item");
            builder.AddAttribute(3, "aria-current", active ? "page" : null);
            builder.AddAttribute(4, "data-testid", testId);
            builder.AddAttribute(5, "title", label);
            builder.AddContent(6, SvgIcon.Mark(icon, Size.Small));
            builder.OpenElement(7, "span");
            builder.AddAttribute(8, "class", "nav-label");
            builder.AddContent(9, label);
            builder.CloseElement();
            builder.CloseElement();
        };
    }

    private void SetLocation(string uri)
    {
        location = uri;
        path = Navigation.ToBaseRelativePath(uri).Split('?', '#')[0].TrimEnd('/');
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
