namespace Inbox.Core.Routing;

public class Team
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public List<Agent> Agents { get; set; } = [];
}
