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
}
