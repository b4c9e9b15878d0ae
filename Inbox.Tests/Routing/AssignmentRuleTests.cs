using Inbox.Core.Routing;

namespace Inbox.Tests.Routing;

public class AssignmentRuleTests
{
    private static AssignmentCandidate Online(int id, int open = 0, int? capacity = null) => new(id, Presence.Online, open, capacity);

    [Fact]
    public void Choose_RoundRobin_TakesTheNextAgentAfterTheLastOne()
    {
        var team = new[] { Online(3), Online(1), Online(2) };

        Assert.Equal(1, AssignmentRule.Choose(team, AutoAssignMode.RoundRobin, lastAssignedAgentId: null));
        Assert.Equal(2, AssignmentRule.Choose(team, AutoAssignMode.RoundRobin, lastAssignedAgentId: 1));
        Assert.Equal(3, AssignmentRule.Choose(team, AutoAssignMode.RoundRobin, lastAssignedAgentId: 2));
    }

    [Fact]
    public void Choose_RoundRobinAfterTheLastAgent_WrapsToTheFirst()
    {
        Assert.Equal(1, AssignmentRule.Choose([Online(1), Online(2), Online(3)], AutoAssignMode.RoundRobin, lastAssignedAgentId: 3));
    }

    [Fact]
    public void Choose_LastAgentLeftTheTeam_ContinuesWithTheNextId()
    {
        Assert.Equal(4, AssignmentRule.Choose([Online(1), Online(4)], AutoAssignMode.RoundRobin, lastAssignedAgentId: 2));
    }

    [Theory]
    [InlineData(AutoAssignMode.RoundRobin)]
    [InlineData(AutoAssignMode.LeastOpen)]
    public void Choose_AwayAndOfflineAgents_AreSkipped(AutoAssignMode mode)
    {
        var team = new[] { new AssignmentCandidate(1, Presence.Away, 0, null), new AssignmentCandidate(2, Presence.Offline, 0, null), Online(3, open: 9) };

        Assert.Equal(3, AssignmentRule.Choose(team, mode, lastAssignedAgentId: null));
    }

    [Fact]
    public void Choose_LeastOpen_TakesTheAgentWithFewestOpenConversations()
    {
        Assert.Equal(2, AssignmentRule.Choose([Online(1, open: 4), Online(2, open: 1), Online(3, open: 2)], AutoAssignMode.LeastOpen, lastAssignedAgentId: null));
    }

    [Fact]
    public void Choose_LeastOpenTie_GoesToWhoseTurnItIs()
    {
        Assert.Equal(3, AssignmentRule.Choose([Online(1, open: 1), Online(2, open: 3), Online(3, open: 1)], AutoAssignMode.LeastOpen, lastAssignedAgentId: 1));
    }

    [Fact]
    public void Choose_LeastOpenAgentAtCapacity_IsPassedOver()
    {
        Assert.Equal(2, AssignmentRule.Choose([Online(1, open: 2, capacity: 2), Online(2, open: 5, capacity: 6)], AutoAssignMode.LeastOpen, lastAssignedAgentId: null));
    }

    [Fact]
    public void Choose_RoundRobinNextAgentAtCapacity_IsPassedOver()
    {
        Assert.Equal(3, AssignmentRule.Choose([Online(1), Online(2, open: 1, capacity: 1), Online(3)], AutoAssignMode.RoundRobin, lastAssignedAgentId: 1));
    }

    [Theory]
    [InlineData(AutoAssignMode.RoundRobin)]
    [InlineData(AutoAssignMode.LeastOpen)]
    public void Choose_NobodyEligible_ReturnsNull(AutoAssignMode mode)
    {
        var team = new[] { new AssignmentCandidate(1, Presence.Away, 0, null), new AssignmentCandidate(2, Presence.Offline, 0, null), Online(3, open: 3, capacity: 3) };

        Assert.Null(AssignmentRule.Choose(team, mode, lastAssignedAgentId: null));
    }

    [Fact]
    public void Choose_EmptyTeam_ReturnsNull()
    {
        Assert.Null(AssignmentRule.Choose([], AutoAssignMode.RoundRobin, lastAssignedAgentId: 7));
    }

    [Fact]
    public void Choose_ModeOff_ReturnsNull()
    {
        Assert.Null(AssignmentRule.Choose([Online(1)], AutoAssignMode.Off, lastAssignedAgentId: null));
    }
}
