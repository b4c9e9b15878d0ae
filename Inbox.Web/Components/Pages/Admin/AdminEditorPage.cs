using Inbox.Core.Replies;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Inbox.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>
/// What the template and canned-response pages share: a list, one add/edit form at a time showing Core's refusal,
/// and delete with confirmation. The pages supply the Core calls and the wording.
/// </summary>
public abstract class AdminEditorPage<TRow, TDraft> : ComponentBase
    where TDraft : class
{
    protected IReadOnlyList<TRow>? rows;
    protected TDraft? draft;
    protected int? editingId;
    protected AdminResult? refusal;
    protected string? notice;
    protected bool busy;

    /// <summary>The UI's strings in the user's language.</summary>
    [Inject]
    protected IStringLocalizer<Ui> T { get; set; } = default!;

    /// <summary>Core's refusals in the user's language.</summary>
    [Inject]
    protected Inbox.Core.Localization.PhraseText Say { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() => rows = await ListAsync();

    protected abstract Task<IReadOnlyList<TRow>> ListAsync();

    protected abstract TDraft NewDraft();

    protected abstract (int Id, TDraft Draft) Edit(TRow row);

    protected abstract Task<AdminResult> SaveAsync(int? id, TDraft value, string actor);

    protected abstract Task<AdminResult> DeleteAsync(TRow row, string actor);

    /// <summary>The row as the delete confirmation names it, e.g. "the template order_update (en_US)", in the user's language.</summary>
    protected abstract string Describe(TRow row);

    /// <summary>The draft as the saved notice names it.</summary>
    protected abstract string Describe(TDraft value);

    protected void StartAdding() => (editingId, draft, refusal, notice) = (null, NewDraft(), null, null);

    protected void StartEditing(TRow row)
    {
        var (id, value) = Edit(row);
        (editingId, draft, refusal, notice) = (id, value, null, null);
    }

    protected void CloseForm() => (editingId, draft, refusal) = (null, null, null);

    protected async Task SaveAsync()
    {
        if (draft is null || busy)
        {
            return;
        }

        busy = true;
        try
        {
            var result = await SaveAsync(editingId, draft, await ActorAsync());
            if (!result.Succeeded)
            {
                refusal = result;
                return;
            }

            notice = editingId is null ? T["{0} added.", Describe(draft)] : T["{0} saved.", Describe(draft)];
            CloseForm();
            rows = await ListAsync();
        }
        finally
        {
            busy = false;
        }
    }

    protected async Task DeleteAsync(TRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Delete"], T["Delete {0}?", Describe(row)], yesText: T["Delete"], cancelText: T["Keep it"], options: new DialogOptions { CloseOnEscapeKey = true });
        if (confirmed != true)
        {
            return;
        }

        var result = await DeleteAsync(row, await ActorAsync());
        notice = result.Succeeded ? T["Deleted {0}.", Describe(row)] : Say[result.Problem];
        CloseForm();
        rows = await ListAsync();
    }

    private async Task<string> ActorAsync() => (await Authentication).User.Identity?.Name ?? "unknown admin";
}
