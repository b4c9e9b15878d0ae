namespace Inbox.Core.Routing;

/// <summary>A group of agents that owns conversations, and how new conversations are handed out among them.</summary>
public class Team
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public List<Agent> Agents { get; set; } = [];

    /// <summary>How a new conversation routed to this team gets its agent.</summary>
    public AutoAssignMode AutoAssignMode { get; set; }

    /// <summary>The agent auto-assignment chose last: round-robin continues after them, also after a restart.</summary>
    public int? LastAssignedAgentId { get; set; }
}
