namespace Inbox.Core.Identity;

/// <summary>A machine client's credential, sent as <c>Authorization: Bearer &lt;Key&gt;</c>.</summary>
public sealed class ApiKey
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>One of <see cref="Roles.All"/>; decides what the client may call.</summary>
    public string Role { get; set; } = Roles.Agent;

    /// <summary>
    /// Team names an Agent key is limited to while <c>Inbox:Routing:AgentsSeeAllTeams</c> is false (empty: no team's
    /// conversations). Supervisor and Admin keys see everything.
    /// </summary>
    public List<string> Teams { get; set; } = [];
}
