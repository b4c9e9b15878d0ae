using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Inbox.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>Parked webhook deliveries with reprocess and discard. What each does (and its audit entry) is Core's.</summary>
public partial class FailedDeliveriesPage
{
    private IReadOnlyList<FailedDeliveryRow>? rows;
    private IReadOnlyDictionary<int, string> channelNames = new Dictionary<int, string>();
    private long? openId;
    private string? openBody;
    private string? notice;
    private bool busy;

    [Inject]
    private IStringLocalizer<Ui> T { get; set; } = default!;

    [Inject]
    private FailedDeliveries Deliveries { get; set; } = default!;

    [Inject]
    private ChannelAdmin Channels { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private string ChannelNames(FailedDeliveryRow row) => row.ChannelIds.Count == 0
        ? T["unknown"]
        : string.Join(", ", row.ChannelIds.Select(id => channelNames.GetValueOrDefault(id, T["deleted channel {0}", id])));

    private async Task LoadAsync()
    {
        rows = await Deliveries.ListAsync();
        channelNames = (await Channels.ListAsync()).ToDictionary(c => c.Id, c => c.Name);
    }

    private async Task ToggleBodyAsync(FailedDeliveryRow row)
    {
        if (openId == row.Id)
        {
            (openId, openBody) = (null, null);
            return;
        }

        (openId, openBody) = (row.Id, await Deliveries.BodyAsync(row.Id));
    }

    private async Task ReprocessAsync(FailedDeliveryRow row) => await ActAsync(async actor =>
        notice = await Deliveries.ReprocessAsync(row.Id, actor)
            ? T["Delivery {0} is queued again; refresh to see whether it went through.", row.Id]
            : T["Delivery {0} was no longer waiting.", row.Id]);

    private async Task DiscardAsync(FailedDeliveryRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            T["Discard delivery"],
            T["Discard delivery {0} from {1}? Its events will never reach the inbox.", row.Id, UtcStamp.Of(row.ReceivedAt)],
            yesText: T["Discard"],
            cancelText: T["Keep it"],
            options: new DialogOptions { CloseOnEscapeKey = true });
        if (confirmed != true)
        {
            return;
        }

        await ActAsync(async actor =>
            notice = await Deliveries.DiscardAsync(row.Id, actor) ? T["Delivery {0} discarded.", row.Id] : T["Delivery {0} was no longer waiting.", row.Id]);
    }

    private async Task ActAsync(Func<string, Task> action)
    {
        busy = true;
        try
        {
            await action((await Authentication).User.Identity?.Name ?? "unknown admin");
            if (openId is not null && rows?.Any(r => r.Id == openId) != true)
            {
                (openId, openBody) = (null, null);
            }

            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
