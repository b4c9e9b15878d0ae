using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Identity;
using Inbox.Core.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Inbox.Web.Components.Shared;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>The contact panel, toggled from the conversation header. The rules (what a merge changes, what an erasure removes) are Core's.</summary>
public partial class ContactPanel
{
    private ContactProfile? profile;
    private IReadOnlyList<ContactIdentity> matches = [];
    private string search = "";
    private string? notice;
    private bool open;
    private bool busy;
    private ElementReference eraseButton;

    /// <summary>The conversation's contact.</summary>
    [Parameter, EditorRequired]
    public int ContactId { get; set; }

    /// <summary>The conversation on screen, marked in the list of the customer's conversations.</summary>
    [Parameter]
    public int ConversationId { get; set; }

    [Inject]
    private ContactProfiles Profiles { get; set; } = default!;

    [Inject]
    private ContactMerge Merge { get; set; } = default!;

    [Inject]
    private ContactLanguage Language { get; set; } = default!;

    [Inject]
    private Inbox.Core.Localization.PhraseText Say { get; set; } = default!;

    [Inject]
    private ContactErasure Erasure { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (open && profile?.ContactId != ContactId)
        {
            (search, matches, notice) = ("", [], null);
            profile = await Profiles.GetAsync(ContactId);
        }
    }

    private async Task ToggleAsync()
    {
        open = !open;
        if (open)
        {
            profile = await Profiles.GetAsync(ContactId);
        }
    }

    private async Task SearchAsync() => matches = await Profiles.SearchAsync(ContactId, search);

    private Task MergeAsync(ContactIdentity other) =>
        RunAsync(actor => Merge.MergeAsync(ContactId, other.ContactId, actor), T["{0} ({1}) is now the same person.", other.Name, other.ChannelName]);

    private Task SplitAsync(ContactIdentity identity) =>
        RunAsync(actor => Merge.SplitAsync(identity.ContactId, actor), T["{0} ({1}) was split off.", identity.Name, identity.ChannelName]);

    private Task LanguageChangedAsync(ChangeEventArgs change) =>
        RunAsync(_ => Language.SetAsync(ContactId, change.Value as string), T["Language saved."]);

    /// <summary>Asks first; once erased, the conversation on screen is gone too, so the agent goes back to the inbox.</summary>
    private async Task EraseAsync()
    {
        var name = profile?.Name ?? T["this contact"];
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            T["Erase contact"],
            T["Erase {0} for good? Their conversations, messages, notes and platform ids are deleted and cannot be restored.", name],
            yesText: T["Erase"],
            cancelText: T["Keep"],
            options: new DialogOptions { CloseOnEscapeKey = true });
        if (confirmed != true)
        {
            // Kept: the keyboard goes on from the button that asked, not from the top of the page.
            await eraseButton.FocusAsync();
            return;
        }

        // The button is only rendered for admins; checked again here, where the erasure happens.
        var user = (await Authentication).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.Admin)).Succeeded)
        {
            return;
        }

        busy = true;
        try
        {
            await Erasure.EraseAsync(ContactId, user.Identity?.Name ?? Actors.Of(user));
            Navigation.NavigateTo("/");
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RunAsync(Func<string, Task<CommandResult>> command, string done)
    {
        busy = true;
        try
        {
            var result = await command(Actors.Of((await Authentication).User));
            notice = result.Status == CommandStatus.Done ? done : Say[result.Problem];
            profile = await Profiles.GetAsync(ContactId);
            (search, matches) = ("", []);
        }
        finally
        {
            busy = false;
        }
    }
}
