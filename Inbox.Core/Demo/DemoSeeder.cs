using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Identity;
using Inbox.Core.Persistence;
using Inbox.Core.Replies;
using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Demo;

/// <summary>
/// Fills an empty database with a believable day of support work: channels of every kind and two dozen
/// conversations whose last customer messages range from minutes to 8 days old, so every window state shows at once.
/// A database that already holds channels or users is never touched, and nothing is seeded while real channels are declared.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<InboxDbContext> contexts,
    IdentitySeeder identity,
    IOptions<DemoOptions> options,
    IOptions<ChannelOptions> declared,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        // Demo logins beside real channels would let anyone who reads the sign-in page read real customers.
        if (!options.Value.Enabled || declared.Value.Channels.Count > 0)
        {
            return false;
        }

        await using (var check = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await check.Channels.AnyAsync(cancellationToken) || await check.Users.AnyAsync(cancellationToken))
            {
                return false;
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = new Team { Name = "Customer Care" };
        db.Teams.Add(team);
        var channels = DemoData.Channels(now);
        db.Channels.AddRange(channels);
        await db.SaveChangesAsync(cancellationToken);

        var agents = new List<Agent>();
        foreach (var (email, name, role) in DemoLogins.All)
        {
            agents.Add(await identity.CreateUserAsync(email, name, options.Value.Password, role, team.Id, cancellationToken));
        }

        foreach (var script in DemoData.Conversations)
        {
            db.Conversations.Add(script.Build(channels.Single(c => c.Key == script.ChannelKey), agents, team, now));
        }

        db.Set<MessageTemplate>().AddRange(DemoData.Templates(channels.Single(c => c.Kind == ChannelKind.WhatsApp).Id));
        db.Set<CannedResponse>().AddRange(DemoData.CannedResponses());
        await db.SaveChangesAsync(cancellationToken);
        await DemoHistory.AddAsync(db, channels, agents, team, now, cancellationToken);
        logger.LogInformation("Demo data seeded: {Channels} channels, {Conversations} conversations", channels.Count, DemoData.Conversations.Length);
        return true;
    }
}
