namespace Inbox.Core.Routing;

/// <summary>
/// Who gets a new conversation: a pure function of the team's members, the mode and the last agent chosen,
/// so it is tested without a database. Only online agents below their capacity are ever chosen; away and
/// offline agents never are, so no conversation lands with someone who is not there to see it.
/// </summary>
public static class AssignmentRule
{
    /// <summary>The agent to assign, or null when the mode is off or nobody is eligible (the conversation waits unassigned).</summary>
    /// <param name="candidates">The team's members; their order does not matter (the turn follows agent ids).</param>
    /// <param name="mode">The team's mode.</param>
    /// <param name="lastAssignedAgentId">Whom the team's previous auto-assignment chose; the turn continues after them.</param>
    public static int? Choose(IEnumerable<AssignmentCandidate> candidates, AutoAssignMode mode, int? lastAssignedAgentId)
    {
        if (mode == AutoAssignMode.Off)
        {
            return null;
        }

        var inTurn = InTurnOrder(candidates.Where(c => c.Eligible), lastAssignedAgentId);
        return mode switch
        {
            AutoAssignMode.RoundRobin => inTurn.FirstOrDefault()?.AgentId,

            // Ties go to whoever's turn it is, so equally loaded agents still take turns.
            AutoAssignMode.LeastOpen => inTurn.MinBy(c => c.OpenConversations)?.AgentId,
            _ => null,
        };
    }

    /// <summary>Agents after the last one chosen first (by id), then wrapping round to the start.</summary>
    private static List<AssignmentCandidate> InTurnOrder(IEnumerable<AssignmentCandidate> eligible, int? lastAssignedAgentId)
    {
        var byId = eligible.OrderBy(c => c.AgentId).ToList();
        var last = lastAssignedAgentId ?? int.MinValue;
        return [.. byId.Where(c => c.AgentId > last), .. byId.Where(c => c.AgentId <= last)];
    }
}
