namespace Inbox.Core.Routing;

/// <summary>Who sees which team's conversations, from <c>Inbox:Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Inbox:Routing";

    /// <summary>
    /// True (the default): every agent sees every conversation. False: an agent (and an agent API key) sees only the
    /// conversations of their team and those assigned to them; supervisors and admins still see everything.
    /// </summary>
    public bool AgentsSeeAllTeams { get; set; } = true;
}
