using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Inbox.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>The admin's channel editor: the list with its alerts, an add/edit form, and delete with confirmation. Rules are ChannelAdmin's.</summary>
public partial class Channels
{
    private IReadOnlyList<ChannelAdminRow>? rows;
    private IReadOnlyDictionary<int, int> failedCounts = new Dictionary<int, int>();
    private ChannelDraft? draft;
    private int? editingId;
    private ChannelAdminResult? refusal;
    private Notice? notice;
    private bool busy;

    [Inject]
    private IStringLocalizer<Ui> T { get; set; } = default!;

    [Inject]
    private Inbox.Core.Localization.PhraseText Say { get; set; } = default!;

    [Inject]
    private ChannelAdmin Admin { get; set; } = default!;

    [Inject]
    private FailedDeliveries Deliveries { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The address the platforms reach this app at, as the admin's browser sees it.</summary>
    private string BaseUrl => Navigation.BaseUri.TrimEnd('/');

    protected override async Task OnInitializedAsync()
    {
        rows = await Admin.ListAsync();
        failedCounts = await Deliveries.CountsByChannelAsync();
    }

    private void StartAdding() => Open(null, new ChannelDraft());

    private void StartEditing(ChannelAdminRow row) => Open(row.Id, ChannelDraft.Of(row));

    private void Open(int? id, ChannelDraft value)
    {
        (editingId, draft, refusal, notice) = (id, value, null, null);
    }

    private void CloseForm() => (editingId, draft, refusal) = (null, null, null);

    private async Task SaveAsync()
    {
        if (draft is null || busy)
        {
            return;
        }

        busy = true;
        try
        {
            var actor = await ActorAsync();
            var result = editingId is { } id ? await Admin.UpdateAsync(id, draft, actor) : await Admin.CreateAsync(draft, actor);
            if (!result.Succeeded)
            {
                refusal = result;
                return;
            }

            notice = new Notice(true, editingId is null ? T["Channel {0} added.", draft.Key.Trim()] : T["Channel {0} saved.", draft.Key.Trim()]);
            CloseForm();
            rows = await Admin.ListAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task DeleteAsync(ChannelAdminRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            T["Delete channel"],
            T["Delete the channel {0} ({1})? Webhooks for it will stop being accepted.", row.Name, row.Key],
            yesText: T["Delete"],
            cancelText: T["Keep it"],
            options: new DialogOptions { CloseOnEscapeKey = true });
        if (confirmed != true)
        {
            return;
        }

        var result = await Admin.DeleteAsync(row.Id, await ActorAsync());
        notice = new Notice(result.Succeeded, result.Succeeded ? T["Channel {0} deleted.", row.Key] : Say[result.Problem]);
        if (result.Succeeded && editingId == row.Id)
        {
            CloseForm();
        }

        rows = await Admin.ListAsync();
    }

    private async Task<string> ActorAsync() => (await Authentication).User.Identity?.Name ?? "unknown admin";

    private sealed record Notice(bool Succeeded, string Text);
}
