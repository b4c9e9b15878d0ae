using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>
/// The inbox's live side: a new instant when a countdown reaches its deadline, changes from <see cref="InboxNotifier"/> (one list reload per
/// burst), a full reload when the link to the other instances comes back (what they did meanwhile was not heard), alerts for new
/// customer messages, and the keyboard shortcuts of <c>wwwroot/js/inbox.js</c>.
/// </summary>
public partial class InboxPage
{
    private static readonly TimeSpan ReloadDelay = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(250);

    private readonly List<InboxChange> pending = [];
    private Debouncer? reloadSoon;
    private Debouncer? searchSoon;
    private IDisposable? listening;
    private IJSObjectReference? module;
    private DotNetObjectReference<InboxPage>? self;
    private ElementReference alertsToggle;
    private bool alertsOn;
    private bool live;
    private bool helpOpen;
    private bool scrollToSelected;
    private int openVersion;

    [Inject]
    private InboxNotifier Notifier { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private RedisLink Link { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            listening = Notifier.Subscribe(OnChangeAsync);
            Link.Changed += OnLinkChanged;
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/inbox.js");
            self = DotNetObjectReference.Create(this);
            alertsOn = await module.InvokeAsync<bool>("start", self, alertsToggle);

            // data-live="yes" (which tests wait on) means clicks, shortcuts and live updates all work from here on.
            live = true;
            StateHasChanged();
        }
        else if (scrollToSelected && module is not null)
        {
            scrollToSelected = false;
            await module.InvokeVoidAsync("scrollToSelected");
        }
    }

    /// <summary>
    /// A countdown on the page reached its deadline: the page renders at the new instant, so every row and the open
    /// conversation take the policy's decision again. Between deadlines the countdowns tick on their own and the page
    /// does not re-render.
    /// </summary>
    private void Retime() => now = Clock.Now;

    /// <summary>Called by the alerts toggle in JS after it stored the new preference (and asked for permission).</summary>
    [JSInvokable]
    public void AlertsChanged(bool on)
    {
        alertsOn = on;
        StateHasChanged();
    }

    /// <summary><c>j</c>/<c>k</c>: opens the next (1) or previous (-1) conversation of the list.</summary>
    [JSInvokable]
    public void Move(int step)
    {
        if (rows is not { Count: > 0 })
        {
            return;
        }

        var index = rows.FindIndex(r => r.Id == ConversationId);
        var next = index < 0 ? 0 : Math.Clamp(index + step, 0, rows.Count - 1);
        scrollToSelected = true;
        Navigation.NavigateTo($"/conversations/{rows[next].Id}");
    }

    /// <summary><c>?</c> shows or hides the shortcut help; Escape closes it.</summary>
    [JSInvokable]
    public void ToggleHelp()
    {
        helpOpen = !helpOpen;
        StateHasChanged();
    }

    /// <summary>Closes the shortcut help.</summary>
    [JSInvokable]
    public void CloseHelp()
    {
        helpOpen = false;
        StateHasChanged();
    }

    /// <summary>A click on a browser notification opens its conversation.</summary>
    [JSInvokable]
    public void Open(int conversationId) => Navigation.NavigateTo($"/conversations/{conversationId}");

    public async ValueTask DisposeAsync()
    {
        listening?.Dispose();
        Link.Changed -= OnLinkChanged;
        reloadSoon?.Dispose();
        searchSoon?.Dispose();
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("stop");
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; nothing left to clean up there.
            }
        }

        self?.Dispose();
    }

    private void StartLive()
    {
        reloadSoon = new Debouncer(Time, ReloadDelay, () => InvokeAsync(ApplyChangesAsync), trailing: false);
        searchSoon = new Debouncer(Time, SearchDelay, () => InvokeAsync(SearchNowAsync), trailing: true);
    }

    private void SearchTyped() => searchSoon?.Trigger();

    private async Task SearchNowAsync()
    {
        await ReloadAsync();
        StateHasChanged();
    }

    private Task OnChangeAsync(InboxChange change)
    {
        lock (pending)
        {
            pending.Add(change);
        }

        reloadSoon?.Trigger();
        return Task.CompletedTask;
    }

    /// <summary>Redis is back: the list and the open conversation are read again, so nothing missed while it was down stays missing.</summary>
    private void OnLinkChanged()
    {
        if (Link.Connected)
        {
            _ = InvokeAsync(async () =>
            {
                await ReloadAsync();
                openVersion++;
                StateHasChanged();
            });
        }
    }

    private async Task ApplyChangesAsync()
    {
        InboxChange[] changes;
        lock (pending)
        {
            changes = [.. pending];
            pending.Clear();
        }

        // Another team's conversations changing is no news here: no reload, no alert, nothing of theirs reaches this tab.
        // A listed one that just left the scope (handed to another team) still reloads the list, which then drops it.
        var visible = await Scopes.VisibleAsync(scope, changes.Select(c => c.ConversationId).ToList());
        changes = [.. changes.Where(c => visible.Contains(c.ConversationId) || rows?.Exists(r => r.Id == c.ConversationId) == true)];
        if (changes.Length == 0)
        {
            return;
        }

        await ReloadAsync();
        if (changes.Any(c => c.ConversationId == ConversationId))
        {
            openVersion++;
        }

        StateHasChanged();
        if (alertsOn && module is not null)
        {
            foreach (var received in changes.Select(c => c.Event).OfType<MessageReceived>().Where(e => !e.Standby))
            {
                if (await Queries.GetSummaryAsync(received.ConversationId, scope) is { } row && InboxViews.Alerts(row, agentId))
                {
                    await module.InvokeVoidAsync("alert", T["New message from {0}", row.ContactName].Value, row.LastMessagePreview ?? "", row.Id);
                }
            }
        }
    }
}
