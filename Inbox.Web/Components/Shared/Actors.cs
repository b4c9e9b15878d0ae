using System.Security.Claims;
using Inbox.Core.Identity;

namespace Inbox.Web.Components.Shared;

/// <summary>How the signed-in person is named in activity logs: their display name, else their login.</summary>
public static class Actors
{
    public static string Of(ClaimsPrincipal user) =>
        user.FindFirstValue(InboxClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "unknown agent";
}
