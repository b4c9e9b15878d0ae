using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Media;
using Inbox.Core.Policy;
using Inbox.Core.Replies;
using Inbox.Core.Routing;
using Inbox.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>
/// The reply composer at the foot of a conversation. It offers what the policy allows at the page's current tick,
/// keeps the agent's choice and text across ticks, and shows Core's refusal (with what can be done instead) in place.
/// </summary>
public partial class Composer : IAsyncDisposable
{
    private IReadOnlyList<MessageTemplate> templates = [];
    private IReadOnlyList<CannedResponse> canned = [];
    private IReadOnlyList<CannedResponse> suggestions = [];
    private List<string> parameters = [];
    private IReadOnlyList<ReplyType> alternatives = [];
    private MessageTemplate? template;
    private string headerValue = "";
    private Dictionary<int, string> buttonValues = [];
    private ReplyType? selected;
    private AttachedFile? attached;
    private string text = "";
    private string? error;
    private bool offerNote;
    private bool noteMode;
    private bool busy;
    private int highlighted;
    private int loadedFor;
    private ElementReference textArea;
    private string? watchedTextArea;
    private IJSObjectReference? keys;

    /// <summary>The conversation, with its channel loaded.</summary>
    [Parameter, EditorRequired]
    public Conversation Conversation { get; set; } = default!;

    /// <summary>The policy's decision at <see cref="Now"/>, re-evaluated by the page on every tick.</summary>
    [Parameter, EditorRequired]
    public ReplyDecision Decision { get; set; } = default!;

    /// <summary>The page clock's current instant.</summary>
    [Parameter, EditorRequired]
    public DateTime Now { get; set; }

    /// <summary>The signed-in person's agent record, credited with replies and notes; null when they have none.</summary>
    [Parameter]
    public Agent? Agent { get; set; }

    /// <summary>The signed-in person's name, for notes written without an agent record.</summary>
    [Parameter]
    public string ActorName { get; set; } = "";

    /// <summary>Raised after a reply was queued or a note added, so the timeline reloads.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    [Inject]
    private ConversationCommands Commands { get; set; } = default!;

    [Inject]
    private Inbox.Core.Localization.PhraseText Say { get; set; } = default!;

    [Inject]
    private ReadAndTypingSignals Signals { get; set; } = default!;

    [Inject]
    private ConversationNotes NoteBook { get; set; } = default!;

    [Inject]
    private TemplateRegistry Templates { get; set; } = default!;

    [Inject]
    private CannedResponses CannedResponses { get; set; } = default!;

    [Inject]
    private AttachmentReplies Attachments { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool Live => RendererInfo.IsInteractive;

    private string ClosedReason => Say[Decision.Options.FirstOrDefault(o => o.Why is not null)?.Why];

    /// <summary>The policy's note on the chosen type (LINE reply or push, quota left) and what the reply costs.</summary>
    private IEnumerable<string> Hints => selected is { } type
        ? new[] { Decision.For(type)?.Hint is { } hint ? Say[hint] : null, ReplyCost.Of(Conversation.Channel!.Kind, type, Now, template?.Category) }.OfType<string>()
        : [];

    private string CountText => noteMode || selected == ReplyType.Template ? "" : $"{text.Length} / {ReplyValidation.MaxLength(Conversation.Channel!.Kind)}";

    /// <summary>Chooses a reply type, e.g. from the timeline's "Reply as human agent" on a reply the window closed on.</summary>
    public void UseReplyType(ReplyType type, string? withText = null)
    {
        noteMode = false;
        Select(type);
        if (withText is not null && type != ReplyType.Template && text.Length == 0)
        {
            text = withText;
        }

        StateHasChanged();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (loadedFor == Conversation.Id)
        {
            return;
        }

        loadedFor = Conversation.Id;
        (noteMode, text, error, alternatives, offerNote, suggestions, template, parameters, attached) = (false, "", null, [], false, [], null, [], null);
        selected = Decision.Suggested;
        templates = Decision.For(ReplyType.Template) is not null ? (await Templates.ForChannelAsync(Conversation.ChannelId)).Where(t => t.Sendable).ToList() : [];
        canned = await CannedResponses.ListAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The text area is re-created when the template picker takes its place and back: watch each new one.
        if (Live && textArea.Id is { } id && id != watchedTextArea)
        {
            watchedTextArea = id;
            keys ??= await JS.InvokeAsync<IJSObjectReference>("import", "/js/composer.js");
            await keys.InvokeVoidAsync("watchSuggestionKeys", textArea);
        }
    }

    private void Select(ReplyType type)
    {
        selected = type;
        (error, alternatives, offerNote) = (null, [], false);
    }

    private void SetNoteMode(bool on)
    {
        noteMode = on;
        (error, alternatives, offerNote, suggestions) = (null, [], false, []);
    }

    private void PickTemplate(MessageTemplate? picked)
    {
        template = picked;
        parameters = Enumerable.Repeat("", picked?.ParameterCount ?? 0).ToList();
        (headerValue, buttonValues) = ("", picked?.UrlButtonIndexes.ToDictionary(i => i, _ => "") ?? []);
        error = null;
    }

    private void Attach(AttachedFile? file)
    {
        attached = file;
        (error, alternatives, offerNote) = (null, [], false);
    }

    private void SetButton((int Button, string Value) change) => buttonValues[change.Button] = change.Value;

    /// <summary>The chosen template with everything typed for it: header, body and button parameters.</summary>
    private TemplateReply Filled(MessageTemplate chosen) => new(
        chosen.Name,
        chosen.Language,
        parameters,
        chosen.HeaderParameterCount > 0 ? [headerValue] : null,
        buttonValues.Count > 0 ? buttonValues : null);

    private void SetParameter((int Index, string Value) change)
    {
        if (change.Index < parameters.Count)
        {
            parameters[change.Index] = change.Value;
        }
    }

    private void OnInput(ChangeEventArgs e)
    {
        text = e.Value?.ToString() ?? "";
        if (!noteMode && text.Length > 0)
        {
            // At most one typing signal per 20 s, sent off the circuit's thread; failures are only logged.
            _ = Signals.AgentTypingAsync(Conversation.Id);
        }

        var typed = noteMode ? null : ShortcutAtEnd().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        suggestions = typed is null ? [] : CannedResponses.Match(canned, typed);
        highlighted = 0;
    }

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        if (suggestions.Count > 0)
        {
            switch (e.Key)
            {
                case "ArrowDown": highlighted = (highlighted + 1) % suggestions.Count; return;
                case "ArrowUp": highlighted = (highlighted + suggestions.Count - 1) % suggestions.Count; return;
                case "Enter" or "Tab": Insert(suggestions[highlighted]); return;
                case "Escape": suggestions = []; return;
            }
        }

        if (e.Key == "Enter" && (e.CtrlKey || e.MetaKey))
        {
            await SendAsync();
        }
    }

    private void Insert(CannedResponse response)
    {
        text = ShortcutAtEnd().Replace(text, m => m.Value[..m.Value.IndexOf('/')] + response.Body);
        suggestions = [];
    }

    private async Task SendAsync()
    {
        if (busy)
        {
            return;
        }

        (error, alternatives, offerNote) = (null, [], false);
        busy = true;
        try
        {
            var result = noteMode
                ? await NoteBook.AddAsync(Conversation.Id, text, Agent?.Id, Agent?.Name ?? ActorName)
                : CheckDraft() is { } invalid ? CommandResult.Invalid(invalid)
                : attached is { } file && selected != ReplyType.Template
                    ? await Attachments.QueueAsync(Conversation.Id, new MemoryStream(file.Bytes), file.Name, file.MimeType, text, selected, SenderKind.Human, Agent?.Id)
                    : await Commands.QueueReplyAsync(Conversation.Id, Request(), SenderKind.Human, Agent?.Id);
            await ShowAsync(result);
        }
        finally
        {
            busy = false;
        }
    }

    private ReplyRequest Request() => selected == ReplyType.Template
        ? new ReplyRequest(null, ReplyType.Template, Filled(template!))
        : new ReplyRequest(text, selected);

    /// <summary>The same checks Core makes, asked before the round trip so a slip shows at once next to the text.</summary>
    private string? CheckDraft() => (selected, template) switch
    {
        (null, _) => ClosedReason,
        (ReplyType.Template, null) => T["Choose a template first."],
        (ReplyType.Template, { } t) => TemplateBody.CheckParameters(t, Filled(t)) is { } why ? Say[why] : null,
        ({ } type, _) => ReplyValidation.Check(new ReplyRequest(text, type, null, attached?.Shape), type, Conversation.Channel!.Kind) is { } bad ? Say[bad] : null,
    };

    private async Task ShowAsync(CommandResult result)
    {
        switch (result.Status)
        {
            case CommandStatus.Done:
                (text, template, parameters, suggestions, headerValue, buttonValues, attached) = ("", null, [], [], "", [], null);
                await OnChanged.InvokeAsync();
                break;
            case CommandStatus.NotAllowed:
                // The window closed while the agent typed: keep the text, and offer what the platform still allows.
                error = Say[result.Problem];
                alternatives = Decision.Options.Where(o => o.Allowed && o.Type != selected).Select(o => o.Type).ToList();
                offerNote = alternatives.Count == 0;
                break;
            default:
                error = Say[result.Problem];
                break;
        }
    }

    private string ChoiceLabel(ReplyOption option)
    {
        var until = option.Allowed && option.ExpiresAt is { } end ? T["until {0} UTC", end.ToString("ddd HH:mm")].Value : null;
        return option.Type switch
        {
            ReplyType.HumanAgentTag => until is null ? T["Human agent reply (tagged)"] : T["Human agent reply (tagged, {0})", until],
            ReplyType.Template => T["WhatsApp template"],
            _ => until is null ? Say[option.Type] : $"{Say[option.Type]} ({until})",
        };
    }

    private string SwitchLabel(ReplyType type) => type switch
    {
        ReplyType.HumanAgentTag => T["Reply as human agent instead"],
        ReplyType.Template => T["Send a template instead"],
        _ => T["Send as {0} instead", Say[type].ToLower(CultureInfo.CurrentCulture)],
    };

    private static string Slug(ReplyType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());

    [GeneratedRegex(@"(?:^|\s)/([a-z0-9-]*)$")]
    private static partial Regex ShortcutAtEnd();

    public async ValueTask DisposeAsync()
    {
        if (keys is not null)
        {
            try
            {
                await keys.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
