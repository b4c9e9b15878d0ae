using System.Security.Claims;
using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Identity;
using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Web.Workspace;

/// <summary>Opening a conversation by its URL while agents see only their teams (<c>Inbox:Routing:AgentsSeeAllTeams</c> false).</summary>
public sealed class ConversationViewScopeTests : CoreTestBase
{
    protected override void ConfigureServices(IServiceCollection services) => services
        .AddInboxRouting()
        .AddSingleton<ConversationNotes>()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Inbox:Routing:AgentsSeeAllTeams"] = "false" })
            .Build());

    [Fact]
    public async Task Open_AnotherTeamsConversationAsAgent_ShowsNothingOfIt()
    {
        var (care, returns) = (new Team { Name = "Care" }, new Team { Name = "Returns" });
        await using (var db = Harness.Open())
        {
            db.Teams.AddRange(care, returns);
            await db.SaveChangesAsync();
        }

        var alice = await Harness.AddAgentAsync("Alice Agent");
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.WhatsApp), TimeSpan.FromHours(1));
        await using (var db = Harness.Open())
        {
            db.Agents.Attach(alice);
            (alice.TeamId, alice.UserId) = (care.Id, "alice-login");
            db.Conversations.Attach(conversation);
            conversation.TeamId = returns.Id;
            await db.SaveChangesAsync();
        }

        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization()
            .SetAuthorized("Alice Agent").SetRoles(Roles.Agent).SetClaims(new Claim(ClaimTypes.NameIdentifier, "alice-login")));

        var view = ctx.Render<ConversationView>(p => p.Add(v => v.ConversationId, conversation.Id).Add(v => v.Now, Harness.Time.GetUtcNow().UtcDateTime));

        view.WaitForAssertion(() => Assert.Contains("This conversation does not exist.", view.Markup));
        Assert.NotNull(await Harness.Get<ConversationQueries>().GetAsync(conversation.Id));
        Assert.Empty(view.FindAll("[data-testid=composer]"));
        Assert.DoesNotContain("Kim Lee", view.Markup);
    }
}
