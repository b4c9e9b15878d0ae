using System.Net.Http.Json;
using Inbox.Core.Conversations;
using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Inbox.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Routing;

/// <summary>Team assignment on the demo data, beside agent assignment.</summary>
public sealed class TeamAssignmentTests(InboxAppFactory app) : ConversationsApiTestBase(app), IClassFixture<InboxAppFactory>
{
    private AssignmentService Teams => App.Services.GetRequiredService<AssignmentService>();

    [Fact]
    public async Task Assign_ToAnotherTeam_KeepsAgentMessagesAndEarlierLog()
    {
        var id = await IdOfAsync("Priya Natarajan");
        await using var db = App.OpenDb();
        var bruno = await db.Agents.SingleAsync(a => a.Email == "agent2@inbox.demo");
        await Api.PostAsJsonAsync($"/api/conversations/{id}/assign", new { agentId = bruno.Id });
        var billing = new Team { Name = "Billing" };
        db.Teams.Add(billing);
        await db.SaveChangesAsync();
        var messagesBefore = await db.Messages.CountAsync(m => m.ConversationId == id);

        var result = await Teams.AssignTeamAsync(id, billing.Id, "Sam Supervisor");

        Assert.Equal(CommandStatus.Done, result.Status);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((billing.Id, bruno.Id), (conversation.TeamId!.Value, conversation.AssigneeId!.Value));
        Assert.Equal(messagesBefore, await db.Messages.CountAsync(m => m.ConversationId == id));
        var log = await db.Activities.Where(a => a.ConversationId == id).OrderBy(a => a.Id).Select(a => new { a.Kind, a.Actor, a.Detail }).ToListAsync();
        Assert.Equal("Assigned to Bruno Agent", log[0].Detail);
        Assert.Equal((ActivityKind.TeamAssigned, "Sam Supervisor"), (log[^1].Kind, log[^1].Actor));
        Assert.Contains("Billing", log[^1].Detail);
    }

    [Fact]
    public async Task Assign_SameTeamAgain_LogsNothing()
    {
        var id = await IdOfAsync("Grace Kim");
        await using var db = App.OpenDb();
        var team = new Team { Name = "Returns" };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        await Teams.AssignTeamAsync(id, team.Id, "Sam Supervisor");

        await Teams.AssignTeamAsync(id, team.Id, "Sam Supervisor");

        Assert.Single(await db.Activities.Where(a => a.ConversationId == id && a.Kind == ActivityKind.TeamAssigned).ToListAsync());
    }

    [Fact]
    public async Task Assign_UnknownTeam_IsRefused()
    {
        var id = await IdOfAsync("Lukas Novak");

        Assert.Equal(CommandStatus.Invalid, (await Teams.AssignTeamAsync(id, 4242, "Sam Supervisor")).Status);
    }
}
