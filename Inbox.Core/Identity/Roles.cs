namespace Inbox.Core.Identity;

/// <summary>The three roles. Each includes the rights of the ones before it.</summary>
public static class Roles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Agent, Supervisor, Admin];
}
