using System.Net;
using System.Net.Http.Json;
using Inbox.Core.Routing;
using Inbox.Tests.Channels.Inbound;
using Inbox.Tests.TestSupport;
using Inbox.Web.Realtime;

namespace Inbox.Tests.Web.Realtime;

/// <summary>The <c>/hubs/inbox</c> SignalR hub of the real app: who may connect, and what it announces.</summary>
public sealed class InboxHubTests : WebhookTestBase
{
    private const string Mid = "m_HUB1";

    private static string Text(string mid, string text) => MessengerText(mid, text, "6100000000000042", DateTime.UtcNow);

    [Fact]
    public async Task Connect_WithoutCredentials_IsRefusedWith401()
    {
        var refused = await Assert.ThrowsAsync<HubRefusedException>(() => HubTestClient.ConnectAsync(App.Server, InboxHub.Path, apiKey: null));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Fact]
    public async Task Connect_WithWrongApiKey_IsRefusedWith401()
    {
        var refused = await Assert.ThrowsAsync<HubRefusedException>(() => HubTestClient.ConnectAsync(App.Server, InboxHub.Path, "not-a-key-0123456789"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Fact]
    public async Task SignedWebhookProcessed_ApiKeyClient_ReceivesMessageReceived()
    {
        await using var hub = await HubTestClient.ConnectAsync(App.Server, InboxHub.Path, InboxAppFactory.AgentKey);
        var announced = hub.NextAsync("MessageReceived", _ => true);

        await Webhooks.MetaRawAsync(Text(Mid, "Is my parcel lost?"));
        await ProcessAsync();

        var received = await announced;
        var conversation = await SingleConversationAsync();
        var message = Assert.Single(await MessagesAsync());
        Assert.Equal(conversation.Id, received.GetProperty("conversationId").GetInt32());
        Assert.Equal(message.Id, received.GetProperty("messageId").GetInt64());
        Assert.True(received.GetProperty("newConversation").GetBoolean());
    }

    [Fact]
    public async Task AssignedThroughRestApi_ApiKeyClient_ReceivesConversationUpdated()
    {
        await Webhooks.MetaRawAsync(Text(Mid, "Hello?"));
        await ProcessAsync();
        var conversation = await SingleConversationAsync();
        int agentId;
        await using (var db = App.OpenDb())
        {
            var agent = new Agent { Name = "Ann Agent", Email = "ann@acme.test" };
            db.Agents.Add(agent);
            await db.SaveChangesAsync();
            agentId = agent.Id;
        }

        await using var hub = await HubTestClient.ConnectAsync(App.Server, InboxHub.Path, InboxAppFactory.AgentKey);
        var updated = hub.NextAsync("ConversationUpdated", e => e.GetProperty("conversationId").GetInt32() == conversation.Id);
        var response = await App.ApiClient().PostAsJsonAsync($"/api/conversations/{conversation.Id}/assign", new { agentId });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("assignment", (await updated).GetProperty("what").GetString());
    }
}
