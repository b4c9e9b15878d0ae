namespace Inbox.Core.Routing;

/// <summary>An admin's edit of one team: its name, mode, members and each member's capacity.</summary>
public sealed class TeamSettings
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public AutoAssignMode Mode { get; set; }

    /// <summary>Every agent, with whether they belong to this team; an agent is in at most one team.</summary>
    public List<TeamMemberSetting> Members { get; set; } = [];
}
