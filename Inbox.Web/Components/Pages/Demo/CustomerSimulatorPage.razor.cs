using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Core.Demo.Simulator;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Demo;

/// <summary>The customer's side of a simulated channel: write as the customer, watch the agent's replies arrive.</summary>
public partial class CustomerSimulatorPage : IDisposable
{
    private IReadOnlyList<Channel> channels = [];
    private IReadOnlyList<Contact> customers = [];
    private IReadOnlyList<Message> thread = [];
    private IDisposable? ticks;
    private int tick;
    private bool sending;
    private string? error;

    [Inject]
    private CustomerSimulator Simulator { get; set; } = default!;

    [Inject]
    private CircuitClock Clock { get; set; } = default!;

    private int ChannelId { get; set; }

    private string CustomerId { get; set; } = "";

    private string NewName { get; set; } = "";

    private bool AsComment { get; set; }

    private string Text { get; set; } = "";

    private Channel? SelectedChannel => channels.FirstOrDefault(c => c.Id == ChannelId);

    public void Dispose() => ticks?.Dispose();

    protected override async Task OnInitializedAsync()
    {
        if (!Simulator.Enabled)
        {
            return;
        }

        channels = await Simulator.ChannelsAsync();
        ChannelId = channels.FirstOrDefault()?.Id ?? 0;
        await ChannelChangedAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Replies show up without a reload: re-read the thread every other second.
        if (firstRender && Simulator.Enabled)
        {
            ticks = Clock.Subscribe(() => ++tick % 2 == 0 ? InvokeAsync(RefreshAndRenderAsync) : Task.CompletedTask);
        }
    }

    private async Task ChannelChangedAsync()
    {
        customers = ChannelId == 0 ? [] : await Simulator.CustomersAsync(ChannelId);
        CustomerId = customers.FirstOrDefault()?.ExternalId ?? "";
        AsComment = false;
        await RefreshAsync();
    }

    private async Task RefreshAsync() =>
        thread = ChannelId == 0 || string.IsNullOrEmpty(CustomerId) ? [] : await Simulator.ThreadAsync(ChannelId, CustomerId);

    private async Task RefreshAndRenderAsync()
    {
        await RefreshAsync();
        StateHasChanged();
    }

    private async Task SendAsync()
    {
        if (SelectedChannel is not { } channel || string.IsNullOrWhiteSpace(Text))
        {
            return;
        }

        sending = true;
        error = null;
        var isNew = string.IsNullOrEmpty(CustomerId);
        var customerId = isNew ? CustomerSimulator.NewCustomerId(channel.Kind) : CustomerId;
        var name = isNew ? (string.IsNullOrWhiteSpace(NewName) ? "Sam Lee" : NewName.Trim()) : customers.First(c => c.ExternalId == CustomerId).Name;
        var result = await Simulator.WriteAsync(channel.Id, customerId, name, Text.Trim(), AsComment);
        sending = false;
        if (result.Outcome != WebhookOutcome.Accepted)
        {
            error = $"The inbox refused the webhook: {result.Detail}";
            return;
        }

        Text = "";
        if (isNew)
        {
            customers = await Simulator.CustomersAsync(channel.Id);
            CustomerId = customerId;
            NewName = "";
        }

        await RefreshAsync();
    }

    private static string StatusLabel(Message message) => message.Direction == MessageDirection.Inbound
        ? ""
        : message.Status switch
        {
            DeliveryStatus.Queued or DeliveryStatus.Sending => "· sending…",
            DeliveryStatus.Failed => $"· not delivered: {message.ErrorMessage}",
            _ => $"· {message.Status.ToString().ToLowerInvariant()}",
        };
}
