using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Routing;
using Inbox.Testing;
using Inbox.Tests.Channels.Inbound;
using Inbox.Tests.TestSupport;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Tests.Web.Realtime;

/// <summary>The <c>/hubs/inbox</c> SignalR hub of the real app: who may connect, and what it announces.</summary>
public sealed class InboxHubTests : WebhookTestBase
{
    private const string Mid = "m_HUB1";

    /// <summary>How long a test waits for a hub message before it fails; a safety net, not a timing assertion.</summary>
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private static string Text(string mid, string text) => MessengerText(mid, text, "6100000000000042", DateTime.UtcNow);

    [Fact]
    public async Task Connect_WithoutCredentials_IsRefusedWith401()
    {
        await using var hub = Hub(apiKey: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Connect_WithWrongApiKey_IsRefusedWith401()
    {
        await using var hub = Hub("not-a-key-0123456789");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task SignedWebhookProcessed_ApiKeyClient_ReceivesMessageReceived()
    {
        await using var hub = Hub(InboxAppFactory.AgentKey);
        var announced = Next(hub, "MessageReceived", _ => true);
        await hub.StartListeningAsync();

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

        await using var hub = Hub(InboxAppFactory.AgentKey);
        var updated = Next(hub, "ConversationUpdated", e => e.GetProperty("conversationId").GetInt32() == conversation.Id);
        await hub.StartListeningAsync();
        var response = await App.ApiClient().PostAsJsonAsync($"/api/conversations/{conversation.Id}/assign", new { agentId });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("assignment", (await updated).GetProperty("what").GetString());
    }

    /// <summary>A client over the test server's WebSockets, as a program with an API key connects.</summary>
    private HubConnection Hub(string? apiKey) =>
        InboxHubClient.Build(new Uri(App.Server.BaseAddress, InboxHub.Path), apiKey, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
            options.WebSocketFactory = (context, cancellationToken) =>
            {
                var sockets = App.Server.CreateWebSocketClient();
                sockets.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {apiKey}";
                return new ValueTask<System.Net.WebSockets.WebSocket>(sockets.ConnectAsync(context.Uri, cancellationToken));
            };
        });

    /// <summary>Completes with the argument of the first <paramref name="target"/> message that matches.</summary>
    private static Task<JsonElement> Next(HubConnection hub, string target, Func<JsonElement, bool> match)
    {
        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>(target, argument =>
        {
            if (match(argument))
            {
                seen.TrySetResult(argument);
            }
        });
        return seen.Task.WaitAsync(SafetyTimeout);
    }
}
