using Inbox.Core.Conversations;
using Inbox.Core.Routing;
using Inbox.Tests.Channels.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Routing;

/// <summary>New conversations arriving through signed webhooks, routed by the real app's handler.</summary>
public sealed class AutoAssignmentTests : WebhookTestBase
{
    private static string Text(string mid, string psid) => $$$"""
        {"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{Ms(DateTime.UtcNow)}}},"messaging":[
          {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{Ms(DateTime.UtcNow)}}},
           "message":{"mid":"{{{mid}}}","text":"Hello"}}]}]}
        """;

    private AgentPresence Presence => App.Services.GetRequiredService<AgentPresence>();

    [Fact]
    public async Task NewConversation_RoundRobinTeam_GoesToEachOnlineAgentInTurn()
    {
        var (alice, bruno, _) = await SeedTeamAsync(AutoAssignMode.RoundRobin);
        await Presence.ConnectedAsync("user-alice", "c1");
        await Presence.ConnectedAsync("user-bruno", "c2");

        await ReceiveAsync("m_1", "psid-1");
        await ReceiveAsync("m_2", "psid-2");
        await ReceiveAsync("m_3", "psid-3");

        Assert.Equal([alice, bruno, alice], await AssigneesAsync());
        await using var db = App.OpenDb();
        var log = await db.Activities.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(3, log.Count);
        Assert.All(log, a => Assert.Equal(AssignmentService.AutoActor, a.Actor));
        Assert.Equal("Assigned to Alice Agent (Support, round robin)", log[0].Detail);
        Assert.All(await db.Conversations.ToListAsync(), c => Assert.NotNull(c.TeamId));
    }

    [Fact]
    public async Task NewConversation_AwayAndOfflineAgents_AreNeverChosen()
    {
        var (alice, _, carla) = await SeedTeamAsync(AutoAssignMode.LeastOpen);
        await Presence.ConnectedAsync("user-alice", "c1");
        await Presence.SetAwayAsync(alice, true);
        await Presence.ConnectedAsync("user-carla", "c3");

        await ReceiveAsync("m_1", "psid-1");
        await ReceiveAsync("m_2", "psid-2");

        Assert.Equal([carla, carla], await AssigneesAsync());
    }

    [Fact]
    public async Task NewConversation_NobodyOnline_StaysUnassignedAndIsLogged()
    {
        await SeedTeamAsync(AutoAssignMode.RoundRobin);

        await ReceiveAsync("m_1", "psid-1");

        Assert.Equal([null], await AssigneesAsync());
        await using var db = App.OpenDb();
        var entry = await db.Activities.SingleAsync();
        Assert.Equal((ActivityKind.TeamAssigned, AssignmentService.AutoActor), (entry.Kind, entry.Actor));
        Assert.Contains("waits unassigned", entry.Detail);
    }

    [Fact]
    public async Task NewConversation_ModeOff_IsLeftAlone()
    {
        await SeedTeamAsync(AutoAssignMode.Off);
        await Presence.ConnectedAsync("user-alice", "c1");

        await ReceiveAsync("m_1", "psid-1");

        Assert.Equal([null], await AssigneesAsync());
        await using var db = App.OpenDb();
        Assert.Empty(await db.Activities.ToListAsync());
    }

    [Fact]
    public async Task Redelivery_OfTheFirstMessage_DoesNotAssignAgain()
    {
        await SeedTeamAsync(AutoAssignMode.RoundRobin);
        await Presence.ConnectedAsync("user-alice", "c1");
        await ReceiveAsync("m_1", "psid-1");
        var id = (await SingleConversationAsync()).Id;
        await App.Services.GetRequiredService<AssignmentService>().AssignAgentAsync(id, null, "Sam Supervisor");

        await ReceiveAsync("m_1", "psid-1");
        await ReceiveAsync("m_2", "psid-1");

        Assert.Equal([null], await AssigneesAsync());
        await using var db = App.OpenDb();
        Assert.Single(await db.Activities.Where(a => a.Actor == AssignmentService.AutoActor).ToListAsync());
    }

    [Fact]
    public async Task RoundRobinPosition_StoredBeforeARestart_ContinuesWithTheNextAgent()
    {
        var (alice, bruno, _) = await SeedTeamAsync(AutoAssignMode.RoundRobin);
        await using (var db = App.OpenDb())
        {
            // The position the previous run left in the database: Bruno had the last one.
            (await db.Teams.SingleAsync()).LastAssignedAgentId = bruno;
            await db.SaveChangesAsync();
        }

        await Presence.ConnectedAsync("user-alice", "c1");
        await Presence.ConnectedAsync("user-bruno", "c2");
        await ReceiveAsync("m_1", "psid-1");

        Assert.Equal([alice], await AssigneesAsync());
        await using var check = App.OpenDb();
        Assert.Equal(alice, (await check.Teams.SingleAsync()).LastAssignedAgentId);
    }

    private async Task ReceiveAsync(string mid, string psid)
    {
        await Webhooks.MetaRawAsync(Text(mid, psid));
        await ProcessAsync();
    }

    private async Task<List<int?>> AssigneesAsync()
    {
        await using var db = App.OpenDb();
        return await db.Conversations.OrderBy(c => c.Id).Select(c => c.AssigneeId).ToListAsync();
    }

    private async Task<(int Alice, int Bruno, int Carla)> SeedTeamAsync(AutoAssignMode mode)
    {
        await using var db = App.OpenDb();
        var team = new Team { Name = "Support", AutoAssignMode = mode };
        var agents = new[] { "Alice", "Bruno", "Carla" }
            .Select(name => new Agent { Name = $"{name} Agent", Email = $"{name.ToLowerInvariant()}@example.test", UserId = $"user-{name.ToLowerInvariant()}", Team = team })
            .ToList();
        db.Agents.AddRange(agents);
        await db.SaveChangesAsync();
        return (agents[0].Id, agents[1].Id, agents[2].Id);
    }
}
