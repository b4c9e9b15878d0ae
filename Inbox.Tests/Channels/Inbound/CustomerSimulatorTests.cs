using Inbox.Core.Channels.Inbound;
using Inbox.Core.Demo.Simulator;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Inbound;

public sealed class CustomerSimulatorTests : IDisposable
{
    private readonly InboxAppFactory app = new();

    public static TheoryData<string> SimulatedChannels() => ["nw-facebook", "nw-instagram", "nw-whatsapp", "nw-line"];

    [Theory]
    [MemberData(nameof(SimulatedChannels))]
    public async Task Write_OnEachSimulatedChannel_GoesThroughTheWebhookIntoANewConversation(string channelKey)
    {
        var channel = await ChannelAsync(channelKey);
        var simulator = app.Services.GetRequiredService<CustomerSimulator>();
        var customerId = CustomerSimulator.NewCustomerId(channel.Kind);

        var result = await simulator.WriteAsync(channel.Id, customerId, "Yuki Sato", "Can I change my order?", asComment: false);
        await app.Services.GetRequiredService<WebhookProcessor>().ProcessPendingAsync();

        Assert.Equal(WebhookOutcome.Accepted, result.Outcome);
        await using var db = app.OpenDb();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == result.DeliveryId);
        Assert.Equal(WebhookDeliveryState.Processed, delivery.State);
        var conversation = await db.Conversations.Include(c => c.Contact).SingleAsync(c => c.Contact!.ExternalId == customerId);
        Assert.Equal(("Yuki Sato", "Can I change my order?"), (conversation.Contact!.Name, conversation.LastMessagePreview));
        Assert.NotNull(conversation.LastInboundAt);
    }

    [Fact]
    public async Task Write_AsCommentOnFacebook_StartsACommentThread()
    {
        var channel = await ChannelAsync("nw-facebook");
        var simulator = app.Services.GetRequiredService<CustomerSimulator>();

        await simulator.WriteAsync(channel.Id, "7000000001", "Ola Berg", "Nice jacket! Price?", asComment: true);
        await app.Services.GetRequiredService<WebhookProcessor>().ProcessPendingAsync();

        await using var db = app.OpenDb();
        var conversation = await db.Conversations.SingleAsync(c => c.Contact!.ExternalId == "7000000001");
        Assert.Equal(Core.Conversations.ConversationKind.Comment, conversation.Kind);
        Assert.NotNull(conversation.CommentId);
    }

    [Fact]
    public async Task Write_WhenDemoModeIsOff_IsRefused()
    {
        using var live = InboxAppFactory.With(new() { ["Inbox:Demo:Enabled"] = "false" });
        var simulator = live.Services.GetRequiredService<CustomerSimulator>();

        var result = await simulator.WriteAsync(1, null, "Eve", "hi", asComment: false);

        Assert.Equal(WebhookOutcome.Unauthorized, result.Outcome);
        await using var db = live.OpenDb();
        Assert.Equal(0, await db.WebhookDeliveries.CountAsync());
    }

    public void Dispose() => app.Dispose();

    private async Task<Core.Channels.Channel> ChannelAsync(string key)
    {
        await using var db = app.OpenDb();
        return await db.Channels.SingleAsync(c => c.Key == key);
    }
}
