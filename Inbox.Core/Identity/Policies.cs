namespace Inbox.Core.Identity;

/// <summary>Authorization policy names used by pages and endpoints.</summary>
public static class Policies
{
    /// <summary>Any signed-in role: agents, supervisors and admins.</summary>
    public const string Agent = "AgentAccess";

    /// <summary>Supervisors and admins: dashboards and reports.</summary>
    public const string Supervisor = "SupervisorAccess";

    /// <summary>Admins only: channels, users, settings.</summary>
    public const string Admin = "AdminAccess";

    /// <summary>Machine clients with an API key.</summary>
    public const string Api = "ApiAccess";

    /// <summary>The live-updates hub: a signed-in person (cookie) or a machine client (API key), any role.</summary>
    public const string Realtime = "RealtimeAccess";
}
