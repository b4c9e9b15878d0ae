using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Core.Media;
using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Web;

/// <summary>
/// The REST API for an agent key scoped to the "Returns" team (<c>Inbox:ApiKeys:N:Teams</c>), on the demo data with
/// Rahul Mehta's conversation handed to Returns and everything else left with "Customer Care".
/// </summary>
public sealed class ConversationsApiScopeTests
{
    private const string ReturnsKey = "test-returns-key-0123456789";

    [Fact]
    public async Task List_AgentKeyScopedToATeam_ReturnsOnlyThatTeamsConversations()
    {
        using var app = App(seeAll: false);
        await HandToReturnsAsync(app, "Rahul Mehta");

        var rows = await app.ApiClient(ReturnsKey).GetFromJsonAsync<JsonElement[]>("/api/conversations");
        var supervisorRows = await app.ApiClient(InboxAppFactory.SupervisorKey).GetFromJsonAsync<JsonElement[]>("/api/conversations");

        Assert.Equal("Rahul Mehta", Assert.Single(rows!).GetProperty("contact").GetProperty("name").GetString());
        Assert.True(supervisorRows!.Length > 10);
    }

    [Fact]
    public async Task Get_ConversationOfAnotherTeam_Is404LikeOneThatDoesNotExist()
    {
        using var app = App(seeAll: false);
        var rahul = await HandToReturnsAsync(app, "Rahul Mehta");
        var jonas = await IdOfAsync(app, "Jonas Lindqvist");
        var api = app.ApiClient(ReturnsKey);

        var own = await api.GetAsync($"/api/conversations/{rahul}");
        var other = await api.GetAsync($"/api/conversations/{jonas}");
        var missing = await api.GetAsync("/api/conversations/999999");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var body = await other.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Jonas", body);
        Assert.Equal(
            (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Writes_ConversationOfAnotherTeam_Are404AndChangeNothing()
    {
        using var app = App(seeAll: false);
        await HandToReturnsAsync(app, "Rahul Mehta");
        var jonas = await IdOfAsync(app, "Jonas Lindqvist");
        int messagesBefore, assigneeBefore;
        await using (var db = app.OpenDb())
        {
            messagesBefore = await db.Messages.CountAsync(m => m.ConversationId == jonas);
            assigneeBefore = (await db.Conversations.SingleAsync(c => c.Id == jonas)).AssigneeId!.Value;
        }

        var api = app.ApiClient(ReturnsKey);
        var reply = await api.PostAsJsonAsync($"/api/conversations/{jonas}/messages", new { text = "Refund on its way." });
        var assign = await api.PostAsJsonAsync($"/api/conversations/{jonas}/assign", new { agentId = (int?)null });
        var status = await api.PostAsJsonAsync($"/api/conversations/{jonas}/status", new { status = "resolved" });

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        await using var after = app.OpenDb();
        var conversation = await after.Conversations.SingleAsync(c => c.Id == jonas);
        Assert.Equal(messagesBefore, await after.Messages.CountAsync(m => m.ConversationId == jonas));
        Assert.Equal(assigneeBefore, conversation.AssigneeId);
        Assert.Equal(ConversationStatus.Open, conversation.Status);
    }

    [Fact]
    public async Task Writes_ConversationOfTheKeysTeam_AreAllowed()
    {
        using var app = App(seeAll: false);
        var rahul = await HandToReturnsAsync(app, "Rahul Mehta");

        var status = await app.ApiClient(ReturnsKey).PostAsJsonAsync($"/api/conversations/{rahul}/status", new { status = "resolved" });

        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
    }

    [Fact]
    public async Task Media_FileOfAnotherTeamsConversation_Is404ButServedToSupervisors()
    {
        using var app = App(seeAll: false);
        await HandToReturnsAsync(app, "Rahul Mehta");
        var attachment = await AttachPdfAsync(app, "Jonas Lindqvist");

        var returns = await app.ApiClient(ReturnsKey).GetAsync($"/media/{attachment}");
        var supervisor = await app.ApiClient(InboxAppFactory.SupervisorKey).GetAsync($"/media/{attachment}");

        Assert.Equal(HttpStatusCode.NotFound, returns.StatusCode);
        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
        Assert.Equal("application/pdf", supervisor.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_DefaultSetting_TeamScopedAgentKeySeesEveryTeam()
    {
        using var app = App(seeAll: null);
        await HandToReturnsAsync(app, "Rahul Mehta");
        var jonas = await IdOfAsync(app, "Jonas Lindqvist");

        var rows = await app.ApiClient(ReturnsKey).GetFromJsonAsync<JsonElement[]>("/api/conversations");
        var other = await app.ApiClient(ReturnsKey).GetAsync($"/api/conversations/{jonas}");

        Assert.True(rows!.Length > 10);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static InboxAppFactory App(bool? seeAll)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Inbox:ApiKeys:3:Name"] = "returns-tool",
            ["Inbox:ApiKeys:3:Key"] = ReturnsKey,
            ["Inbox:ApiKeys:3:Role"] = "Agent",
            ["Inbox:ApiKeys:3:Teams:0"] = "Returns",
        };
        if (seeAll is { } value)
        {
            settings["Inbox:Routing:AgentsSeeAllTeams"] = value.ToString();
        }

        return InboxAppFactory.With(settings);
    }

    /// <summary>Creates the "Returns" team, hands it the contact's conversation (unassigned), and returns the conversation's id.</summary>
    private static async Task<int> HandToReturnsAsync(InboxAppFactory app, string contact)
    {
        await using var db = app.OpenDb();
        var returns = new Team { Name = "Returns" };
        db.Teams.Add(returns);
        await db.SaveChangesAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.Contact!.Name == contact);
        (conversation.TeamId, conversation.AssigneeId) = (returns.Id, null);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    /// <summary>A stored PDF on the contact's latest message, as a customer's file is kept once downloaded; returns its id.</summary>
    private static async Task<long> AttachPdfAsync(InboxAppFactory app, string contact)
    {
        var stored = await app.Services.GetRequiredService<MediaStore>().SaveAsync(
            new MemoryStream("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray()), "file", "application/pdf", 1_000_000, CancellationToken.None);
        Assert.Null(stored.Refusal);
        await using var db = app.OpenDb();
        var message = await db.Messages.Where(m => m.Conversation!.Contact!.Name == contact).OrderBy(m => m.Id).LastAsync();
        var attachment = new Attachment
        {
            MessageId = message.Id, ChannelId = message.ChannelId, Kind = "file", Status = AttachmentStatus.Stored,
            StoredAs = stored.StoredAs, MimeType = stored.MimeType, Size = stored.Size, FileName = "invoice.pdf",
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    private static async Task<int> IdOfAsync(InboxAppFactory app, string contact)
    {
        await using var db = app.OpenDb();
        return await db.Conversations.Where(c => c.Contact!.Name == contact).Select(c => c.Id).SingleAsync();
    }
}
