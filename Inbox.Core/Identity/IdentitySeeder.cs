using Inbox.Core.Audit;
using Inbox.Core.Persistence;
using Inbox.Core.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Identity;

/// <summary>Makes sure the roles exist, and creates the bootstrap admin on an install without users.</summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles,
    UserManager<InboxUser> users,
    IDbContextFactory<InboxDbContext> contexts,
    IOptions<AdminBootstrapOptions> bootstrap,
    AuditLog audit)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var admin = bootstrap.Value;
        if (admin.Email.Length > 0 && admin.Password.Length > 0 && !await users.Users.AnyAsync(cancellationToken))
        {
            await CreateUserAsync(admin.Email, "Administrator", admin.Password, Roles.Admin, teamId: null, cancellationToken);
        }
    }

    /// <summary>Creates a login with its role and the agent record the inbox routes work to. Logins come from configuration (bootstrap admin, demo), so the audit names it as the actor.</summary>
    public async Task<Agent> CreateUserAsync(string email, string name, string password, string role, int? teamId, CancellationToken cancellationToken = default)
    {
        var user = new InboxUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agent = new Agent { Name = name, Email = email, UserId = user.Id, TeamId = teamId };
        db.Agents.Add(agent);
        audit.Add(db, "configuration", "user.created", $"user {email}", $"name \"{name}\", role {role}");
        await db.SaveChangesAsync(cancellationToken);
        return agent;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
