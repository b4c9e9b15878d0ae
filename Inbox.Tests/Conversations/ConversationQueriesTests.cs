using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Conversations;

/// <summary>The inbox list's views, search and filters, on the demo data in a real SQLite file.</summary>
public sealed class ConversationQueriesTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    private ConversationQueries Queries => app.Services.GetRequiredService<ConversationQueries>();

    [Theory]
    [InlineData("jonas")]
    [InlineData("LINDQVIST")]
    [InlineData("CHARGED twice")]
    public async Task ListAsync_SearchInAnyCase_FindsContactNameAndMessageText(string search)
    {
        var rows = await Queries.ListAsync(new ConversationFilter(Search: search));

        Assert.Equal("Jonas Lindqvist", Assert.Single(rows).ContactName);
    }

    [Fact]
    public async Task ListAsync_SearchWithLikeWildcards_MatchesThemLiterally()
    {
        var rows = await Queries.ListAsync(new ConversationFilter(Search: "%_"));

        Assert.Empty(rows);
    }

    [Fact]
    public async Task ListAsync_TeamFilter_ReturnsOnlyThatTeamsConversations()
    {
        int returnsTeam;
        await using (var db = app.OpenDb())
        {
            var team = new Team { Name = "Returns" };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var rahul = await db.Conversations.SingleAsync(c => c.Contact!.Name == "Rahul Mehta");
            rahul.TeamId = returnsTeam = team.Id;
            await db.SaveChangesAsync();
        }

        var rows = await Queries.ListAsync(new ConversationFilter(TeamId: returnsTeam));

        Assert.Equal("Rahul Mehta", Assert.Single(rows).ContactName);
    }

    [Fact]
    public async Task ListAsync_MineView_ReturnsOnlyOpenConversationsOfThatAgent()
    {
        var alice = await AgentIdAsync("agent@inbox.demo");

        var rows = await Queries.ListAsync(InboxViews.Apply(InboxView.Mine, new ConversationFilter(), alice));

        Assert.Contains(rows, r => r.ContactName == "Jonas Lindqvist");
        Assert.All(rows, r => Assert.Equal((alice, ConversationStatus.Open), (r.AssigneeId!.Value, r.Status)));
    }

    [Fact]
    public async Task ListAsync_UnassignedView_ReturnsOnlyOpenConversationsWithoutAssignee()
    {
        var rows = await Queries.ListAsync(InboxViews.Apply(InboxView.Unassigned, new ConversationFilter(), agentId: null));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((null, ConversationStatus.Open), (r.AssigneeId, r.Status)));
    }

    [Fact]
    public async Task ListAsync_ExpiringView_ReturnsOnlyWindowsEndingWithinFourHours()
    {
        var rows = await Queries.ListAsync(InboxViews.Apply(InboxView.Expiring, new ConversationFilter(SortByExpiry: true), agentId: null));

        // Demo: Jonas wrote 22 h 45 min ago on Messenger (about 1 h 15 min left); Sofia 25 min ago on WhatsApp (about 23 h left).
        Assert.Contains(rows, r => r.ContactName == "Jonas Lindqvist");
        Assert.DoesNotContain(rows, r => r.ContactName == "Sofia Rossi");
        var now = DateTime.UtcNow;
        Assert.All(rows, r => Assert.InRange(ReplyPolicy.Evaluate(r.Facts, now).Deadline!.Value, now, now + InboxViews.ExpiringSoon));
    }

    [Fact]
    public async Task CountViewsAsync_DemoData_EqualsRowsListedInEachView()
    {
        var alice = await AgentIdAsync("agent@inbox.demo");
        var narrowing = new ConversationFilter(ChannelKind: Inbox.Core.Channels.ChannelKind.Messenger);

        var counts = await Queries.CountViewsAsync(narrowing, alice);

        foreach (var view in Enum.GetValues<InboxView>())
        {
            var listed = await Queries.ListAsync(InboxViews.Apply(view, narrowing, alice));
            Assert.True(listed.Count == counts[view], $"{view}: counted {counts[view]}, listed {listed.Count}");
        }

        Assert.True(counts[InboxView.AllOpen] > counts[InboxView.Mine]);
    }

    [Fact]
    public void Apply_StatusSetInFilter_ReplacesTheViewsStatus()
    {
        var filter = InboxViews.Apply(InboxView.Mine, new ConversationFilter(Status: ConversationStatus.Resolved), agentId: 7);

        Assert.Equal((ConversationStatus.Resolved, 7), (filter.Status, filter.AssigneeId));
    }

    [Fact]
    public void Apply_MineWithoutAgentRecord_MatchesNobody()
    {
        var filter = InboxViews.Apply(InboxView.Mine, new ConversationFilter(), agentId: null);

        Assert.Equal(-1, filter.AssigneeId);
    }

    private async Task<int> AgentIdAsync(string email)
    {
        await using var db = app.OpenDb();
        return await db.Agents.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }
}
