namespace Inbox.Core.Routing;

/// <summary>Whether an agent can take new work right now.</summary>
public enum Presence
{
    /// <summary>No open browser connection.</summary>
    Offline,

    /// <summary>Connected, and chose to take no new conversations for now.</summary>
    Away,

    /// <summary>Connected and available.</summary>
    Online,
}
