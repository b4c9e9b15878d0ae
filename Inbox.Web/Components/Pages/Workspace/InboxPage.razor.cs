using System.Security.Claims;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Routing;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>
/// The unified inbox: saved views, filters and search over every channel, a live countdown per conversation,
/// and live updates from <see cref="InboxNotifier"/> (see InboxPage.Live.cs).
/// </summary>
public partial class InboxPage
{
    private List<ConversationSummary>? rows;
    private IReadOnlyDictionary<InboxView, int>? counts;
    private IReadOnlyList<(int Id, string Name)> teams = [];
    private DateTime now;
    private int? agentId;
    private ConversationScope scope = ConversationScope.Everything;

    /// <summary>The conversation open on the right, from the route.</summary>
    [Parameter]
    public int? ConversationId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private ConversationQueries Queries { get; set; } = default!;

    [Inject]
    private AgentDirectory Agents { get; set; } = default!;

    [Inject]
    private ConversationScopes Scopes { get; set; } = default!;

    [Inject]
    private CircuitClock Clock { get; set; } = default!;

    private InboxView View { get; set; } = InboxView.AllOpen;

    private string ChannelFilter { get; set; } = "";

    private string TeamFilter { get; set; } = "";

    private string StatusFilter { get; set; } = "";

    private string Sort { get; set; } = "expiry";

    /// <summary>The order the shown rows were loaded in; the select changes before the reload ends.</summary>
    private string? listedSort;

    private string SearchText { get; set; } = "";

    protected override async Task OnInitializedAsync()
    {
        now = Clock.Now;
        var user = Authentication is null ? null : (await Authentication).User;
        agentId = (await Agents.ForUserIdAsync(user?.FindFirstValue(ClaimTypes.NameIdentifier)))?.Id;
        scope = user is null ? ConversationScope.Everything : await Scopes.ForAsync(user);
        teams = await Agents.TeamNamesAsync();
        StartLive();
        await ReloadAsync();
    }

    private static string ViewName(InboxView view) => view switch
    {
        InboxView.Mine => "Mine",
        InboxView.Unassigned => "Unassigned",
        InboxView.AllOpen => "All open",
        InboxView.Expiring => "Expiring < 4 h",
        _ => view.ToString(),
    };

    private async Task ShowViewAsync(InboxView view)
    {
        View = view;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        var narrowing = new ConversationFilter(
            Status: Enum.TryParse<ConversationStatus>(StatusFilter, out var status) ? status : null,
            ChannelKind: Enum.TryParse<ChannelKind>(ChannelFilter, out var kind) ? kind : null,
            TeamId: int.TryParse(TeamFilter, out var team) ? team : null,
            Search: SearchText,
            SortByExpiry: Sort == "expiry",
            Scope: scope);
        rows = [.. await Queries.ListAsync(InboxViews.Apply(View, narrowing, agentId))];
        listedSort = Sort;
        counts = await Queries.CountViewsAsync(narrowing, agentId);
        now = Clock.Now;
    }
}
