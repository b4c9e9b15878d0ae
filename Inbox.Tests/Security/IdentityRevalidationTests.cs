using Inbox.Core.Identity;
using Inbox.Tests.TestSupport;
using Inbox.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Security;

/// <summary>What an open tab's periodic check decides about its user after changes made elsewhere.</summary>
public sealed class IdentityRevalidationTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    [Fact]
    public async Task StillValid_UnchangedUser_IsTrue()
    {
        var (users, principal, _) = await SignInAsync("agent@inbox.demo");

        Assert.True(await IdentityRevalidation.StillValidAsync(principal, users));
    }

    [Fact]
    public async Task StillValid_RoleRemovedElsewhere_IsFalse()
    {
        var (users, principal, user) = await SignInAsync("supervisor@inbox.demo");

        await users.RemoveFromRoleAsync(user, Roles.Supervisor);

        Assert.False(await IdentityRevalidation.StillValidAsync(principal, users));
    }

    [Fact]
    public async Task StillValid_LockedOutByAnAdmin_IsFalse()
    {
        var (users, principal, user) = await SignInAsync("agent2@inbox.demo");

        await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(1));

        Assert.False(await IdentityRevalidation.StillValidAsync(principal, users));
    }

    private async Task<(UserManager<InboxUser> Users, System.Security.Claims.ClaimsPrincipal Principal, InboxUser User)> SignInAsync(string email)
    {
        var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InboxUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<InboxUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return (users, await factory.CreateAsync(user), user);
    }
}
