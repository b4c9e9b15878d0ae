using Inbox.Core.Identity;
using Inbox.Core.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Web.Realtime;

/// <summary>
/// <c>/hubs/inbox</c>: live updates for programs (a signed-in browser's cookie or an API key). The server only
/// talks; clients listen for <c>MessageReceived</c>, <c>MessageQueued</c>, <c>MessageStatusChanged</c> and
/// <c>ConversationUpdated</c>, sent by <see cref="InboxHubBroadcaster"/>. Each connection joins the groups of its
/// <see cref="ConversationScope"/> when it opens, so it hears only about conversations it may see.
/// </summary>
[Authorize(Policy = Policies.Realtime)]
public sealed class InboxHub(ConversationScopes scopes) : Hub
{
    public const string Path = "/hubs/inbox";

    /// <summary>Connections whose scope sees every conversation.</summary>
    public const string EverythingGroup = "everything";

    /// <summary>The group of connections that see a team's conversations.</summary>
    public static string TeamGroup(int teamId) => $"team:{teamId}";

    /// <summary>The group of an agent's connections, who see what is assigned to them.</summary>
    public static string AgentGroup(int agentId) => $"agent:{agentId}";

    public override async Task OnConnectedAsync()
    {
        // Decided once per connection: a changed team membership applies from the client's next connection.
        var scope = Context.User is { } user ? await scopes.ForAsync(user, Context.ConnectionAborted) : new ConversationScope([], null);
        IEnumerable<string> groups = scope.TeamIds is not { } teams
            ? [EverythingGroup]
            : [.. teams.Select(TeamGroup), .. scope.AgentId is { } agentId ? [AgentGroup(agentId)] : Array.Empty<string>()];
        foreach (var group in groups)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }
}
