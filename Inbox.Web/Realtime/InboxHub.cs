using Inbox.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Web.Realtime;

/// <summary>
/// <c>/hubs/inbox</c>: live updates for programs (a signed-in browser's cookie or an API key). The server only
/// talks; clients listen for <c>MessageReceived</c>, <c>MessageQueued</c>, <c>MessageStatusChanged</c> and
/// <c>ConversationUpdated</c>, sent to every connection by <see cref="InboxHubBroadcaster"/>.
/// </summary>
[Authorize(Policy = Policies.Realtime)]
public sealed class InboxHub : Hub
{
    public const string Path = "/hubs/inbox";
}
