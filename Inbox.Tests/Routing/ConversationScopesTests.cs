using System.Security.Claims;
using Inbox.Core.Conversations;
using Inbox.Core.Identity;
using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Routing;

/// <summary>
/// Who sees which team's conversations, on the demo data (one team, "Customer Care") with Rahul Mehta's conversation
/// handed to a second team, "Returns", and the inbox list's query narrowed by the scope.
/// </summary>
public sealed class ConversationScopesTests
{
    [Fact]
    public async Task ListAsync_AgentsLimitedToTheirTeams_AgentSeesOwnTeamAndOwnAssignedButNotOtherTeams()
    {
        using var app = App(seeAll: false);
        var (alice, _) = await HandRahulToReturnsAsync(app);
        await AssignAsync(app, "Emma Johansson", "Returns", alice.Id);

        var scope = await Scopes(app).ForAsync(AgentSignIn(alice));
        var rows = await Queries(app).ListAsync(new ConversationFilter(Scope: scope));
        var searched = await Queries(app).ListAsync(new ConversationFilter(Search: "rahul", Scope: scope));

        Assert.DoesNotContain(rows, r => r.ContactName == "Rahul Mehta");
        Assert.Contains(rows, r => r.ContactName == "Jonas Lindqvist");
        Assert.Contains(rows, r => r.ContactName == "Emma Johansson");
        Assert.Empty(searched);
        Assert.Null(await Queries(app).GetAsync(await IdOfAsync(app, "Rahul Mehta"), scope));
    }

    [Fact]
    public async Task ForAsync_AgentsLimitedToTheirTeams_SupervisorStillSeesEveryTeam()
    {
        using var app = App(seeAll: false);
        await HandRahulToReturnsAsync(app);
        var supervisor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "no-agent-record"), new Claim(ClaimTypes.Role, Roles.Supervisor)], "test"));

        var scope = await Scopes(app).ForAsync(supervisor);
        var rows = await Queries(app).ListAsync(new ConversationFilter(Scope: scope));

        Assert.True(scope.SeesAll);
        Assert.Contains(rows, r => r.ContactName == "Rahul Mehta");
    }

    [Fact]
    public async Task ListAsync_DefaultSetting_AgentSeesEveryTeam()
    {
        using var app = App(seeAll: null);
        var (alice, _) = await HandRahulToReturnsAsync(app);

        var scope = await Scopes(app).ForAsync(AgentSignIn(alice));
        var rows = await Queries(app).ListAsync(new ConversationFilter(Scope: scope));

        Assert.Contains(rows, r => r.ContactName == "Rahul Mehta");
        Assert.Equal((await Queries(app).ListAsync(new ConversationFilter())).Count, rows.Count);
    }

    private static InboxAppFactory App(bool? seeAll) => InboxAppFactory.With(seeAll is { } value
        ? new Dictionary<string, string?> { ["Inbox:Routing:AgentsSeeAllTeams"] = value.ToString() }
        : []);

    private static ConversationScopes Scopes(InboxAppFactory app) => app.Services.GetRequiredService<ConversationScopes>();

    private static ConversationQueries Queries(InboxAppFactory app) => app.Services.GetRequiredService<ConversationQueries>();

    private static ClaimsPrincipal AgentSignIn(Agent agent) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, agent.UserId!), new Claim(ClaimTypes.Role, Roles.Agent)], "test"));

    /// <summary>Alice (Customer Care, with a login) and the new "Returns" team, which now owns Rahul Mehta's conversation (not Alice's).</summary>
    private static async Task<(Agent Alice, Team Returns)> HandRahulToReturnsAsync(InboxAppFactory app)
    {
        await using var db = app.OpenDb();
        var alice = await db.Agents.SingleAsync(a => a.Email == "agent@inbox.demo");
        alice.UserId ??= "alice-login";
        var returns = new Team { Name = "Returns" };
        db.Teams.Add(returns);
        await db.SaveChangesAsync();
        var rahul = await db.Conversations.SingleAsync(c => c.Contact!.Name == "Rahul Mehta");
        (rahul.TeamId, rahul.AssigneeId) = (returns.Id, null);
        await db.SaveChangesAsync();
        return (alice, returns);
    }

    private static async Task AssignAsync(InboxAppFactory app, string contact, string team, int agentId)
    {
        await using var db = app.OpenDb();
        var conversation = await db.Conversations.SingleAsync(c => c.Contact!.Name == contact);
        conversation.TeamId = (await db.Teams.SingleAsync(t => t.Name == team)).Id;
        conversation.AssigneeId = agentId;
        await db.SaveChangesAsync();
    }

    private static async Task<int> IdOfAsync(InboxAppFactory app, string contact)
    {
        await using var db = app.OpenDb();
        return await db.Conversations.Where(c => c.Contact!.Name == contact).Select(c => c.Id).SingleAsync();
    }
}
