namespace Inbox.Core.Identity;

/// <summary>A machine client's credential, sent as <c>Authorization: Bearer &lt;Key&gt;</c>.</summary>
public sealed class ApiKey
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>One of <see cref="Roles.All"/>; decides what the client may call.</summary>
    public string Role { get; set; } = Roles.Agent;
}
