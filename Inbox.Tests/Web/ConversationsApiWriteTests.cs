using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web;

/// <summary>Replying, assigning and changing status through the API; every refusal stores nothing.</summary>
public sealed class ConversationsApiWriteTests(InboxAppFactory app) : ConversationsApiTestBase(app), IClassFixture<InboxAppFactory>
{
    [Fact]
    public async Task Send_FreeFormInsideWindow_QueuesAndShowsInConversation()
    {
        var id = await IdOfAsync("Maria Gonzalez");

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "No duty below CAD 150.", replyType = "free_form" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", sent.GetProperty("status").GetString());
        Assert.Equal("outbound", sent.GetProperty("direction").GetString());
        var detail = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var last = detail.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("No duty below CAD 150.", last.GetProperty("text").GetString());
        Assert.Equal("free_form", last.GetProperty("replyType").GetString());
    }

    [Fact]
    public async Task Send_WithoutReplyTypeAfter24hOnApprovedMessenger_UsesHumanAgentTag()
    {
        var id = await IdOfAsync("Kenji Watanabe");

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Your refund was issued today." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("human_agent_tag", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyType").GetString());
    }

    [Fact]
    public async Task Send_FreeFormAfterWindowOnUnapprovedChannel_Returns409AndStoresNothing()
    {
        var id = await IdOfAsync("Lukas Novak");
        var before = await MessageCountAsync(id);

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, back in stock!", replyType = "free_form" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("24-hour window closed at", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await MessageCountAsync(id));
    }

    [Fact]
    public async Task Send_HumanAgentTagInsideWindow_Returns409()
    {
        var id = await IdOfAsync("Priya Natarajan");

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "It is.", replyType = "human_agent_tag" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("policy", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Send_HumanAgentTagFromAutomation_Returns409()
    {
        var id = await IdOfAsync("Amara Okafor");

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Automatic update", replyType = "human_agent_tag", sender = "automation" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("automated", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Send_TemplateOnWhatsAppPastWindow_QueuesTemplateWithParameters()
    {
        var id = await IdOfAsync("Rahul Mehta");

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages",
            new { replyType = "template", template = new { name = "return_update", language = "en_US", parameters = new[] { "Rahul", "RMA-2231" } } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = App.OpenDb();
        var stored = await db.Messages.Where(m => m.ConversationId == id && m.Direction == MessageDirection.Outbound).SingleAsync();
        Assert.Equal("return_update", stored.TemplateName);
        Assert.Equal("en_US", stored.TemplateLanguage);
        Assert.Equal("[\"Rahul\",\"RMA-2231\"]", stored.TemplateParameters);
        // The demo WhatsApp channel is simulated: the background sender may already have sent it.
        Assert.Contains(stored.Status, new[] { DeliveryStatus.Queued, DeliveryStatus.Sending, DeliveryStatus.Sent });
    }

    [Theory]
    [InlineData("{\"replyType\":\"template\",\"template\":{\"name\":\"x\",\"language\":\"en\",\"parameters\":[\"\"]}}", "parameter")]
    [InlineData("{\"replyType\":\"template\"}", "template")]
    [InlineData("{\"text\":\"   \"}", "empty")]
    [InlineData("{\"text\":\"hi\",\"template\":{\"name\":\"x\",\"language\":\"en\",\"parameters\":[]}}", "only for replies of type 'template'")]
    public async Task Send_MalformedReply_Returns400WithReason(string body, string reason)
    {
        var id = await IdOfAsync("Sofia Rossi");

        var response = await Api.PostAsync($"/api/conversations/{id}/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"text\": \"unterminated")]
    [InlineData("{\"text\": \"hi\", \"replyType\": \"carrier_pigeon\"}")]
    [InlineData("[1,2,3]")]
    public async Task Send_InvalidJson_Returns400Problem(string body)
    {
        var id = await IdOfAsync("Sofia Rossi");

        var response = await Api.PostAsync($"/api/conversations/{id}/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Send_TooLongForMessenger_Returns400()
    {
        var id = await IdOfAsync("Grace Kim");

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = new string('a', 2001) });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 2000", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Send_TemplateOnMessenger_Returns409()
    {
        var id = await IdOfAsync("Grace Kim");

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages",
            new { replyType = "template", template = new { name = "x", language = "en", parameters = Array.Empty<string>() } });

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Send_SecondPrivateReplyToComment_Returns409()
    {
        var id = await IdOfAsync("Carlos Díaz");

        var first = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, navy is in stock: check your DMs!", replyType = "private_reply" });
        var second = await Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "One more thing", replyType = "private_reply" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var problem = await AssertProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("already sent", problem.GetProperty("detail").GetString());
        var detail = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        Assert.Equal("public_reply", detail.GetProperty("suggestedReplyType").GetString());
    }

    [Fact]
    public async Task Send_UnknownConversation_Returns404()
    {
        await AssertProblemAsync(await Api.PostAsJsonAsync("/api/conversations/999999/messages", new { text = "hi" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assign_ThenUnassign_ChangesAssigneeAndLogsActivity()
    {
        var id = await IdOfAsync("Ana Souza");
        await using var db = App.OpenDb();
        var bruno = await db.Agents.SingleAsync(a => a.Email == "agent2@inbox.demo");

        var assigned = await Api.PostAsJsonAsync($"/api/conversations/{id}/assign", new { agentId = bruno.Id });
        var afterAssign = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var unassigned = await Api.PostAsJsonAsync($"/api/conversations/{id}/assign", new { agentId = (int?)null });
        var afterUnassign = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");

        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        Assert.Equal("Bruno Agent", afterAssign.GetProperty("assignee").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, unassigned.StatusCode);
        Assert.Equal(JsonValueKind.Null, afterUnassign.GetProperty("assignee").ValueKind);
        var log = await db.Activities.Where(a => a.ConversationId == id).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
        Assert.Equal(["Assigned to Bruno Agent", "Unassigned from Bruno Agent"], log);
    }

    [Fact]
    public async Task Assign_UnknownAgent_Returns400()
    {
        var id = await IdOfAsync("Ana Souza");

        await AssertProblemAsync(await Api.PostAsJsonAsync($"/api/conversations/{id}/assign", new { agentId = 4242 }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SetStatus_Resolved_MovesConversationOutOfOpenList()
    {
        var id = await IdOfAsync("Haruto Sato");

        var response = await Api.PostAsJsonAsync($"/api/conversations/{id}/status", new { status = "resolved" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var open = await Api.GetFromJsonAsync<JsonElement[]>("/api/conversations?status=open");
        Assert.DoesNotContain(open!, r => r.GetProperty("id").GetInt32() == id);
        await using var db = App.OpenDb();
        Assert.Equal("Open → Resolved", (await db.Activities.SingleAsync(a => a.ConversationId == id)).Detail);
    }

    [Theory]
    [InlineData("{\"status\":\"archived\"}")]
    [InlineData("{}")]
    public async Task SetStatus_InvalidStatus_Returns400(string body)
    {
        var id = await IdOfAsync("Haruto Sato");

        var response = await Api.PostAsync($"/api/conversations/{id}/status", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SetStatus_UnknownConversation_Returns404()
    {
        await AssertProblemAsync(await Api.PostAsJsonAsync("/api/conversations/999999/status", new { status = "open" }), HttpStatusCode.NotFound);
    }
}
