using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>The unified inbox: every channel in one list, with a live countdown per conversation.</summary>
public partial class InboxPage : IDisposable
{
    private IReadOnlyList<ConversationSummary>? rows;
    private DateTime now;
    private IDisposable? ticking;

    /// <summary>The conversation open on the right, from the route.</summary>
    [Parameter]
    public int? ConversationId { get; set; }

    [Inject]
    private ConversationQueries Queries { get; set; } = default!;

    [Inject]
    private CircuitClock Clock { get; set; } = default!;

    private string ChannelFilter { get; set; } = "";

    private string StatusFilter { get; set; } = nameof(ConversationStatus.Open);

    private string Sort { get; set; } = "expiry";

    protected override async Task OnInitializedAsync()
    {
        now = Clock.Now;
        await ReloadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // One clock per circuit drives every countdown on the page.
            ticking = Clock.Subscribe(() => InvokeAsync(() =>
            {
                now = Clock.Now;
                StateHasChanged();
            }));
        }
    }

    private async Task ReloadAsync()
    {
        rows = await Queries.ListAsync(new ConversationFilter(
            Status: Enum.TryParse<ConversationStatus>(StatusFilter, out var status) ? status : null,
            ChannelKind: Enum.TryParse<ChannelKind>(ChannelFilter, out var kind) ? kind : null,
            SortByExpiry: Sort == "expiry"));
        now = Clock.Now;
    }

    public void Dispose() => ticking?.Dispose();
}
