using Inbox.Core.Channels;
using Inbox.Core.Replies;
using Inbox.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>The admin's template registry: list, add, edit, delete. Rules are <see cref="TemplateRegistry"/>'s.</summary>
public partial class Templates
{
    private IReadOnlyList<ChannelChoice> channelChoices = [];
    private IReadOnlyList<ChannelAdminRow> syncable = [];

    [Inject]
    private TemplateRegistry Registry { get; set; } = default!;

    [Inject]
    private ChannelAdmin Channels { get; set; } = default!;

    [Inject]
    private TemplateSync Sync { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> SignedIn { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var whatsApp = (await Channels.ListAsync()).Where(c => c.Kind == ChannelKind.WhatsApp).ToList();
        syncable = [.. whatsApp.Where(c => c.BusinessAccountId is not null && !c.Simulated)];
        channelChoices = [new ChannelChoice(null, T["All WhatsApp channels"]), .. whatsApp.Select(c => new ChannelChoice(c.Id, c.Name))];
        await base.OnInitializedAsync();
    }

    protected override Task<IReadOnlyList<MessageTemplate>> ListAsync() => Registry.ListAsync();

    protected override TemplateDraft NewDraft() => new();

    protected override (int Id, TemplateDraft Draft) Edit(MessageTemplate row) => (row.Id, TemplateDraft.Of(row));

    protected override Task<AdminResult> SaveAsync(int? id, TemplateDraft value, string actor) =>
        id is { } existing ? Registry.UpdateAsync(existing, value, actor) : Registry.CreateAsync(value, actor);

    protected override Task<AdminResult> DeleteAsync(MessageTemplate row, string actor) => Registry.DeleteAsync(row.Id, actor);

    protected override string Describe(MessageTemplate row) => T["the template {0} ({1})", row.Name, row.Language];

    protected override string Describe(TemplateDraft value) => T["Template {0} ({1})", value.Name.Trim(), value.Language.Trim()];

    /// <summary>"2 (header 1, body 1)", "1 (body 0, links 1)": what an agent fills in.</summary>
    private string ParameterSummary(MessageTemplate row)
    {
        var total = row.HeaderParameterCount + row.ParameterCount + row.UrlButtonIndexes.Count;
        if (row.HeaderParameterCount == 0 && row.UrlButtonIndexes.Count == 0)
        {
            return $"{total}";
        }

        var parts = new List<string>();
        if (row.HeaderParameterCount > 0)
        {
            parts.Add(T["header {0}", row.HeaderParameterCount]);
        }

        parts.Add(T["body {0}", row.ParameterCount]);
        if (row.UrlButtonIndexes.Count > 0)
        {
            parts.Add(T["links {0}", row.UrlButtonIndexes.Count]);
        }

        return $"{total} ({string.Join(", ", parts)})";
    }

    private async Task SyncAsync(ChannelAdminRow channel)
    {
        busy = true;
        try
        {
            var actor = (await SignedIn).User.Identity?.Name ?? "unknown admin";
            var result = await Sync.SyncAsync(channel.Id, actor);
            notice = result.Succeeded
                ? T["{0}: {1} added, {2} changed, {3} no longer listed at Meta.", channel.Name, result.Added, result.Updated, result.Removed]
                : $"{channel.Name}: {Say[result.Problem]}";
            rows = await ListAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private string ChannelName(int? channelId) => channelChoices.FirstOrDefault(c => c.Id == channelId)?.Text ?? T["Channel {0}", channelId ?? 0];

    private sealed record ChannelChoice(int? Id, string Text);
}
