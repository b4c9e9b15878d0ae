namespace Inbox.Core.Routing;

/// <summary>A person who answers conversations. Linked to a sign-in account when one exists.</summary>
public class Agent
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>The Identity user id of this agent's login.</summary>
    public string? UserId { get; set; }

    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>Most open conversations auto-assignment gives this agent; null: no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>The agent chose "away": signed in, but auto-assignment passes them by. Kept across sign-ins.</summary>
    public bool Away { get; set; }

    /// <summary>When the agent's last browser connection opened or closed.</summary>
    public DateTime? LastSeenAt { get; set; }
}
