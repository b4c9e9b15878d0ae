namespace Inbox.Core.Routing;

/// <summary>One agent's line in a team edit.</summary>
public sealed class TeamMemberSetting
{
    public int AgentId { get; set; }

    public string Name { get; set; } = "";

    public bool Member { get; set; }

    /// <summary>Most open conversations auto-assignment gives this agent; null: no limit.</summary>
    public int? Capacity { get; set; }
}
