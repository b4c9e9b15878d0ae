using System.Security.Claims;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Identity;
using Inbox.Core.Policy;
using Inbox.Core.Routing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>One conversation and its composer. Replies still on their way are re-read on the page's tick until they settle.</summary>
public partial class ConversationView
{
    private Conversation? conversation;
    private IReadOnlyList<Note> notes = [];
    private Agent? agent;
    private ConversationScope scope = ConversationScope.Everything;
    private string actorName = "";
    private Composer? composer;
    private string? timelineError;
    private bool loaded;
    private bool busy;
    private bool reloading;
    private int loadedId;
    private int loadedVersion;
    private int reloads;

    /// <summary>The conversation to show.</summary>
    [Parameter, EditorRequired]
    public int ConversationId { get; set; }

    /// <summary>The instant the inbox page last rendered at; the window summary and the composer are evaluated at it.</summary>
    [Parameter, EditorRequired]
    public DateTime Now { get; set; }

    /// <summary>The window's deadline passed: the page takes a new decision (and the composer offers what is left).</summary>
    [Parameter]
    public EventCallback OnDeadline { get; set; }

    /// <summary>Bumped by the inbox page when a live update touched this conversation: the view reloads it.</summary>
    [Parameter]
    public int Version { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private ConversationQueries Queries { get; set; } = default!;

    [Inject]
    private ConversationCommands Commands { get; set; } = default!;

    [Inject]
    private ConversationNotes NoteBook { get; set; } = default!;

    [Inject]
    private AgentDirectory Agents { get; set; } = default!;

    [Inject]
    private ReadAndTypingSignals Signals { get; set; } = default!;

    [Inject]
    private ConversationScopes Scopes { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is not null)
        {
            var user = (await Authentication).User;
            agent = await Agents.ForUserAsync(user);
            scope = await Scopes.ForAsync(user);
            actorName = agent?.Name ?? user.FindFirstValue(InboxClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (loadedId != ConversationId)
        {
            loadedId = ConversationId;
            timelineError = null;
            await ReloadAsync();

            // The customer sees their message read; fire-and-forget, a platform failure never reaches the agent.
            if (agent is not null && conversation is not null)
            {
                _ = Signals.ConversationOpenedAsync(ConversationId);
            }

            if (agent is not null && conversation?.UnreadCount > 0)
            {
                await Commands.MarkReadAsync(ConversationId);
            }
        }
        else if (loadedVersion != Version)
        {
            // A live update (new message, delivery receipt, assignment…) touched this conversation.
            loadedVersion = Version;
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        if (reloading)
        {
            return;
        }

        reloading = true;
        try
        {
            // Outside the agent's teams reads as "does not exist": the URL shows nothing of another team's conversation.
            conversation = await Queries.GetAsync(ConversationId, scope);
            notes = conversation is null ? [] : await NoteBook.ListAsync(ConversationId);
            reloads++;
            loaded = true;
        }
        finally
        {
            reloading = false;
        }
    }

    /// <summary>Messages and notes in one list, by time.</summary>
    private IEnumerable<TimelineEntry> Timeline() =>
        conversation!.Messages.Select(m => new TimelineEntry(m.SentAt, m, null))
            .Concat(notes.Select(n => new TimelineEntry(n.CreatedAt, null, n)))
            .OrderBy(e => e.At);

    private async Task RetryAsync(Message message)
    {
        busy = true;
        try
        {
            var result = await Commands.RetryAsync(message.Id, agent?.Id);
            timelineError = result.Status == CommandStatus.Done ? null : Say[result.Problem];
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private void UseReplyType((ReplyType Type, string Text) choice) => composer?.UseReplyType(choice.Type, choice.Text);

    private async Task ResolveAsync()
    {
        await Commands.SetStatusAsync(ConversationId, ConversationStatus.Resolved, actorName);
        await ReloadAsync();
    }

    private sealed record TimelineEntry(DateTime At, Message? Message, Note? Note);
}
