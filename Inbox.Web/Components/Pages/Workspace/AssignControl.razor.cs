using Inbox.Core.Conversations;
using Inbox.Core.Routing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Inbox.Web.Components.Shared;
using Microsoft.JSInterop;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>
/// The conversation header's assignment menu. Agents' presence dots stay live while it is open. By keyboard it is a menu:
/// focus moves into it when it opens, the arrow keys move between the choices, Escape closes it, and focus goes back to the button.
/// </summary>
public partial class AssignControl : IAsyncDisposable
{
    private ConversationAssignment? assignment;
    private IReadOnlyList<AgentSummary> agents = [];
    private IReadOnlyList<TeamSummary> teams = [];
    private IDisposable? presenceChanges;
    private bool open;
    private bool busy;
    private string? error;
    private int loadedId;
    private int loadedVersion;
    private IJSObjectReference? focus;
    private DotNetObjectReference<AssignControl>? self;
    private bool trapped;

    /// <summary>The conversation whose owner this control shows and changes.</summary>
    [Parameter, EditorRequired]
    public int ConversationId { get; set; }

    /// <summary>Bumped by the conversation view when a live update touched the conversation (e.g. self-assignment on reply).</summary>
    [Parameter]
    public int Version { get; set; }

    [Inject]
    private AgentDirectory Directory { get; set; } = default!;

    [Inject]
    private AssignmentService Assignments { get; set; } = default!;

    [Inject]
    private AgentPresence Presence { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (loadedId != ConversationId)
        {
            (loadedId, loadedVersion, open, error) = (ConversationId, Version, false, null);
            assignment = await Directory.AssignmentOfAsync(ConversationId);
        }
        else if (loadedVersion != Version)
        {
            loadedVersion = Version;
            assignment = await Directory.AssignmentOfAsync(ConversationId);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            presenceChanges = Presence.Subscribe(() => _ = InvokeAsync(RefreshAgentsAsync));
        }

        var shown = open && assignment is not null;
        if (shown == trapped)
        {
            return;
        }

        trapped = shown;
        focus ??= await JS.InvokeAsync<IJSObjectReference>("import", "/js/focus.js");
        if (shown)
        {
            self ??= DotNetObjectReference.Create(this);
            await focus.InvokeVoidAsync("trap", "assign-menu", "[data-testid=assign-menu]", self, true);
        }
        else
        {
            await focus.InvokeVoidAsync("release", "assign-menu");
        }
    }

    /// <summary>Escape in the menu.</summary>
    [JSInvokable]
    public Task Close() => InvokeAsync(() =>
    {
        open = false;
        StateHasChanged();
    });

    private async Task ToggleAsync()
    {
        open = !open;
        if (open)
        {
            (agents, teams) = (await Directory.AgentsAsync(), await Directory.TeamsAsync());
        }
    }

    private async Task RefreshAgentsAsync()
    {
        if (open)
        {
            agents = await Directory.AgentsAsync();
            StateHasChanged();
        }
    }

    private Task AssignAgentAsync(int? agentId) => RunAsync(async actor => await Assignments.AssignAgentAsync(ConversationId, agentId, actor));

    private Task AssignTeamAsync(int teamId) => RunAsync(async actor => await Assignments.AssignTeamAsync(ConversationId, teamId, actor));

    private async Task RunAsync(Func<string, Task<CommandResult>> command)
    {
        busy = true;
        try
        {
            var result = await command(Actors.Of((await Authentication).User));
            error = result.Status == CommandStatus.Done ? null : Say[result.Problem];
            open = error is not null;
            assignment = await Directory.AssignmentOfAsync(ConversationId);
        }
        finally
        {
            busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        presenceChanges?.Dispose();
        self?.Dispose();
        if (focus is not null)
        {
            try
            {
                await focus.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
