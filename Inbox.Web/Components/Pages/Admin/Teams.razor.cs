using Inbox.Core.Conversations;
using Inbox.Core.Routing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>The admin's team editor: one form per team. Rules (one team per agent, capacity at least 1) are TeamAdmin's.</summary>
public partial class Teams : IDisposable
{
    private List<(TeamSettings Settings, bool IsDefault)> teams = [];
    private IReadOnlyList<AgentSummary> agents = [];
    private IDisposable? presenceChanges;
    private string newName = "";
    private Notice? notice;
    private bool busy;

    [Inject]
    private Inbox.Core.Localization.PhraseText Say { get; set; } = default!;

    [Inject]
    private TeamAdmin Admin { get; set; } = default!;

    [Inject]
    private AgentDirectory Directory { get; set; } = default!;

    [Inject]
    private AgentPresence Presence { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            presenceChanges = Presence.Subscribe(() => _ = InvokeAsync(async () =>
            {
                agents = await Directory.AgentsAsync();
                StateHasChanged();
            }));
        }
    }

    private async Task LoadAsync()
    {
        agents = await Directory.AgentsAsync();
        teams = [];
        foreach (var team in await Directory.TeamsAsync())
        {
            teams.Add(((await Admin.EditAsync(team.Id))!, team.IsDefault));
        }
    }

    private Task CreateAsync() => RunAsync(actor => Admin.CreateAsync(newName, actor), () => T["Team {0} added.", newName.Trim()]);

    private Task SaveAsync(TeamSettings settings) => RunAsync(actor => Admin.SaveAsync(settings, actor), () => T["Team {0} saved.", settings.Name.Trim()]);

    private async Task RunAsync(Func<string, Task<CommandResult>> command, Func<string> done)
    {
        busy = true;
        try
        {
            var result = await command(await ActorAsync());
            notice = new Notice(result.Status == CommandStatus.Done, result.Status == CommandStatus.Done ? done() : Say[result.Problem]);
            if (notice.Succeeded)
            {
                newName = "";
                await LoadAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }

    public void Dispose() => presenceChanges?.Dispose();

    private async Task<string> ActorAsync() => (await Authentication).User.Identity?.Name ?? "unknown admin";

    private sealed record Notice(bool Succeeded, string Text);
}
