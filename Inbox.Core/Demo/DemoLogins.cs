using Inbox.Core.Identity;

namespace Inbox.Core.Demo;

/// <summary>The demo logins, one per role; the README lists them.</summary>
public static class DemoLogins
{
    public const string Agent = "agent@inbox.demo";
    public const string SecondAgent = "agent2@inbox.demo";
    public const string Supervisor = "supervisor@inbox.demo";
    public const string Admin = "admin@inbox.demo";

    public static readonly (string Email, string Name, string Role)[] All =
    [
        (Agent, "Alice Agent", Roles.Agent),
        (SecondAgent, "Bruno Agent", Roles.Agent),
        (Supervisor, "Sam Supervisor", Roles.Supervisor),
        (Admin, "Ada Admin", Roles.Admin),
    ];
}
