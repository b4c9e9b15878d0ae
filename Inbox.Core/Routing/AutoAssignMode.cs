namespace Inbox.Core.Routing;

/// <summary>How a team hands out new conversations.</summary>
public enum AutoAssignMode
{
    /// <summary>New conversations wait unassigned for someone to take them.</summary>
    Off,

    /// <summary>Each new conversation goes to the next online agent in turn.</summary>
    RoundRobin,

    /// <summary>Each new conversation goes to the online agent with the fewest open conversations.</summary>
    LeastOpen,
}
