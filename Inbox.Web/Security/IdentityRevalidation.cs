using System.Security.Claims;
using Inbox.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Security;

/// <summary>
/// A circuit lives for hours on the claims it started with. Every <see cref="SecurityOptions.CircuitRevalidation"/> this
/// checks the signed-in user again: deleted, locked out, security stamp changed (password or roles changed through
/// Identity), or roles different from the circuit's: the circuit's user becomes anonymous and the page sends them to
/// sign in, without a reload.
/// </summary>
public sealed class IdentityRevalidation(
    ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.CircuitRevalidation;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await StillValidAsync(authenticationState.User, scope.ServiceProvider.GetRequiredService<UserManager<InboxUser>>());
    }

    /// <summary>Whether the principal still describes the stored user: exists, not locked out, same stamp, same roles.</summary>
    public static async Task<bool> StillValidAsync(ClaimsPrincipal principal, UserManager<InboxUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (users.SupportsUserSecurityStamp)
        {
            var claimed = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
            if (claimed != await users.GetSecurityStampAsync(user))
            {
                return false;
            }
        }

        var roles = await users.GetRolesAsync(user);
        var claimedRoles = principal.FindAll(users.Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        return roles.Order(StringComparer.Ordinal).SequenceEqual(claimedRoles.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
