using Inbox.Core.Channels;
using Inbox.Core.Replies;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>The admin's template registry: list, add, edit, delete. Rules are <see cref="TemplateRegistry"/>'s.</summary>
public partial class Templates
{
    private IReadOnlyList<ChannelChoice> channelChoices = [];

    [Inject]
    private TemplateRegistry Registry { get; set; } = default!;

    [Inject]
    private ChannelAdmin Channels { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var whatsApp = (await Channels.ListAsync()).Where(c => c.Kind == ChannelKind.WhatsApp);
        channelChoices = [new ChannelChoice(null, "All WhatsApp channels"), .. whatsApp.Select(c => new ChannelChoice(c.Id, c.Name))];
        await base.OnInitializedAsync();
    }

    protected override Task<IReadOnlyList<MessageTemplate>> ListAsync() => Registry.ListAsync();

    protected override TemplateDraft NewDraft() => new();

    protected override (int Id, TemplateDraft Draft) Edit(MessageTemplate row) => (row.Id, TemplateDraft.Of(row));

    protected override Task<AdminResult> SaveAsync(int? id, TemplateDraft value, string actor) =>
        id is { } existing ? Registry.UpdateAsync(existing, value, actor) : Registry.CreateAsync(value, actor);

    protected override Task<AdminResult> DeleteAsync(MessageTemplate row, string actor) => Registry.DeleteAsync(row.Id, actor);

    protected override string Describe(MessageTemplate row) => $"the template {row.Name} ({row.Language})";

    protected override string Describe(TemplateDraft value) => $"Template {value.Name.Trim()} ({value.Language.Trim()})";

    private string ChannelName(int? channelId) => channelChoices.FirstOrDefault(c => c.Id == channelId)?.Text ?? $"Channel {channelId}";

    private sealed record ChannelChoice(int? Id, string Text);
}
