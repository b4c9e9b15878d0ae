using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Routing;
using Inbox.Testing;
using Inbox.Tests.TestSupport;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web.Realtime;

/// <summary>
/// The hub while agents see only their teams: two agent keys, one of "Customer Care" (the demo's team) and one of
/// "Returns", which owns Rahul Mehta's conversation. Each hears only about its own team's conversations.
/// </summary>
public sealed class InboxHubScopeTests : IDisposable
{
    private const string CareKey = "test-care-key-0123456789";
    private const string ReturnsKey = "test-returns-key-0123456789";

    /// <summary>How long a test waits for a hub message before it fails; a safety net, not a timing assertion.</summary>
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private readonly InboxAppFactory app = InboxAppFactory.With(new Dictionary<string, string?>
    {
        ["Inbox:Routing:AgentsSeeAllTeams"] = "false",
        ["Inbox:ApiKeys:3:Name"] = "care-tool",
        ["Inbox:ApiKeys:3:Key"] = CareKey,
        ["Inbox:ApiKeys:3:Role"] = "Agent",
        ["Inbox:ApiKeys:3:Teams:0"] = "Customer Care",
        ["Inbox:ApiKeys:4:Name"] = "returns-tool",
        ["Inbox:ApiKeys:4:Key"] = ReturnsKey,
        ["Inbox:ApiKeys:4:Role"] = "Agent",
        ["Inbox:ApiKeys:4:Teams:0"] = "Returns",
    });

    [Fact]
    public async Task ConversationUpdated_TwoAgentsOfDifferentTeams_EachHearsOnlyTheirOwnTeam()
    {
        var rahul = await HandToReturnsAsync("Rahul Mehta");
        var jonas = await IdOfAsync("Jonas Lindqvist");
        var tom = await IdOfAsync("Tom Becker");
        await using var care = Hub(CareKey);
        await using var returns = Hub(ReturnsKey);
        var heardByCare = Record(care);
        var heardByReturns = Record(returns);
        var careHeardTom = Next(care, tom);
        var returnsHeardRahul = Next(returns, rahul);
        await care.StartListeningAsync();
        await returns.StartListeningAsync();

        // Jonas (Care), Rahul (Returns), Tom (Care), in this order: the hub sends in order, so once a connection hears
        // the last change of its own team, anything of the other team sent before it would already have arrived.
        var admin = app.ApiClient(InboxAppFactory.AdminKey);
        foreach (var (id, status) in new[] { (jonas, "pending"), (rahul, "resolved"), (tom, "pending") })
        {
            Assert.True((await admin.PostAsJsonAsync($"/api/conversations/{id}/status", new { status })).IsSuccessStatusCode);
        }

        await careHeardTom;
        await returnsHeardRahul;

        Assert.Equal([jonas, tom], heardByCare.ToArray());
        Assert.Equal([rahul], heardByReturns.ToArray());
    }

    public void Dispose() => app.Dispose();

    private HubConnection Hub(string apiKey) =>
        InboxHubClient.Build(new Uri(app.Server.BaseAddress, InboxHub.Path), apiKey, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            options.WebSocketFactory = (context, cancellationToken) =>
            {
                var sockets = app.Server.CreateWebSocketClient();
                sockets.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {apiKey}";
                return new ValueTask<System.Net.WebSockets.WebSocket>(sockets.ConnectAsync(context.Uri, cancellationToken));
            };
        });

    /// <summary>Every conversation id the connection hears a <c>ConversationUpdated</c> about, in order.</summary>
    private static ConcurrentQueue<int> Record(HubConnection hub)
    {
        var heard = new ConcurrentQueue<int>();
        hub.On<JsonElement>("ConversationUpdated", e => heard.Enqueue(e.GetProperty("conversationId").GetInt32()));
        return heard;
    }

    private static Task Next(HubConnection hub, int conversationId)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("ConversationUpdated", e =>
        {
            if (e.GetProperty("conversationId").GetInt32() == conversationId)
            {
                seen.TrySetResult();
            }
        });
        return seen.Task.WaitAsync(SafetyTimeout);
    }

    private async Task<int> HandToReturnsAsync(string contact)
    {
        await using var db = app.OpenDb();
        var returns = new Team { Name = "Returns" };
        db.Teams.Add(returns);
        await db.SaveChangesAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.Contact!.Name == contact);
        (conversation.TeamId, conversation.AssigneeId) = (returns.Id, null);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    private async Task<int> IdOfAsync(string contact)
    {
        await using var db = app.OpenDb();
        return await db.Conversations.Where(c => c.Contact!.Name == contact).Select(c => c.Id).SingleAsync();
    }
}
