using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web;

/// <summary>The conversations API against the real app and the demo data (windows measured from the real clock at seed time).</summary>
public sealed class ConversationsApiTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    private readonly HttpClient api = app.ApiClient();

    [Fact]
    public async Task List_SortByExpiry_PutsSoonestWindowEndFirstAndNoDeadlineLast()
    {
        var rows = await api.GetFromJsonAsync<JsonElement[]>("/api/conversations?status=open&sort=expiry");

        var deadlines = rows!.Select(r => r.GetProperty("deadline")).ToList();
        var dated = deadlines.TakeWhile(d => d.ValueKind != JsonValueKind.Null).Select(d => d.GetDateTime()).ToList();
        Assert.True(dated.Count > 5);
        Assert.Equal(dated.Order(), dated);
        Assert.All(deadlines.Skip(dated.Count), d => Assert.Equal(JsonValueKind.Null, d.ValueKind));
    }

    [Fact]
    public async Task List_FilteredByChannelAndStatus_ReturnsOnlyThose()
    {
        var whatsApp = await api.GetFromJsonAsync<JsonElement[]>("/api/conversations?channel=nw-whatsapp");
        var pending = await api.GetFromJsonAsync<JsonElement[]>("/api/conversations?status=pending");

        Assert.Equal(4, whatsApp!.Length);
        Assert.All(whatsApp, r => Assert.Equal("whatsapp", r.GetProperty("channel").GetProperty("kind").GetString()));
        Assert.Equal(2, pending!.Length);
        Assert.All(pending, r => Assert.Equal("pending", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task List_FilteredByContactAndAssignee_FindsThem()
    {
        var emma = await FindAsync("Emma Johansson");
        var byContact = await api.GetFromJsonAsync<JsonElement[]>($"/api/conversations?contact={emma.GetProperty("contact").GetProperty("externalId").GetString()}");
        await using var db = app.OpenDb();
        var alice = await db.Agents.SingleAsync(a => a.Email == "agent@inbox.demo");
        var mine = await api.GetFromJsonAsync<JsonElement[]>($"/api/conversations?assignee={alice.Id}");

        Assert.Equal("Emma Johansson", Assert.Single(byContact!).GetProperty("contact").GetProperty("name").GetString());
        Assert.NotEmpty(mine!);
        Assert.All(mine!, r => Assert.Equal(alice.Id, r.GetProperty("assignee").GetProperty("id").GetInt32()));
    }

    [Theory]
    [InlineData("/api/conversations?status=closed")]
    [InlineData("/api/conversations?sort=random")]
    public async Task List_InvalidFilter_Returns400Problem(string url)
    {
        var response = await api.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_WhatsAppPast24h_IsTemplateOnlyAndSaysWhy()
    {
        var id = (await FindAsync("Emma Johansson")).GetProperty("id").GetInt32();

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");

        Assert.Equal("direct", detail.GetProperty("kind").GetString());
        Assert.Equal("template_only", detail.GetProperty("window").GetProperty("state").GetString());
        Assert.EndsWith("Z", detail.GetProperty("window").GetProperty("standardClosesAt").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("window").GetProperty("humanAgentClosesAt").ValueKind);
        Assert.Equal("template", detail.GetProperty("suggestedReplyType").GetString());
        var freeForm = detail.GetProperty("replyOptions").EnumerateArray().Single(o => o.GetProperty("type").GetString() == "free_form");
        Assert.False(freeForm.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("WhatsApp 24-hour window closed at", freeForm.GetProperty("reason").GetString());
        var message = Assert.Single(detail.GetProperty("messages").EnumerateArray());
        Assert.Equal("inbound", message.GetProperty("direction").GetString());
        Assert.Equal("received", message.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_UnknownConversation_Returns404Problem()
    {
        await AssertProblemAsync(await api.GetAsync("/api/conversations/999999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Send_FreeFormInsideWindow_QueuesAndShowsInConversation()
    {
        var id = await IdOfAsync("Maria Gonzalez");

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "No duty below CAD 150.", replyType = "free_form" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", sent.GetProperty("status").GetString());
        Assert.Equal("outbound", sent.GetProperty("direction").GetString());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var last = detail.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("No duty below CAD 150.", last.GetProperty("text").GetString());
        Assert.Equal("free_form", last.GetProperty("replyType").GetString());
    }

    [Fact]
    public async Task Send_WithoutReplyTypeAfter24hOnApprovedMessenger_UsesHumanAgentTag()
    {
        var id = await IdOfAsync("Kenji Watanabe");

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Your refund was issued today." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("human_agent_tag", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyType").GetString());
    }

    [Fact]
    public async Task Send_FreeFormAfterWindowOnUnapprovedChannel_Returns409AndStoresNothing()
    {
        var id = await IdOfAsync("Lukas Novak");
        var before = await MessageCountAsync(id);

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, back in stock!", replyType = "free_form" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("24-hour window closed at", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await MessageCountAsync(id));
    }

    [Fact]
    public async Task Send_HumanAgentTagInsideWindow_Returns409()
    {
        var id = await IdOfAsync("Priya Natarajan");

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "It is.", replyType = "human_agent_tag" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("policy", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Send_HumanAgentTagFromAutomation_Returns409()
    {
        var id = await IdOfAsync("Amara Okafor");

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Automatic update", replyType = "human_agent_tag", sender = "automation" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("automated", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Send_TemplateOnWhatsAppPastWindow_QueuesTemplateWithParameters()
    {
        var id = await IdOfAsync("Rahul Mehta");

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages",
            new { replyType = "template", template = new { name = "return_update", language = "en_US", parameters = new[] { "Rahul", "RMA-2231" } } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = app.OpenDb();
        var stored = await db.Messages.Where(m => m.ConversationId == id && m.Direction == MessageDirection.Outbound).SingleAsync();
        Assert.Equal("return_update", stored.TemplateName);
        Assert.Equal("en_US", stored.TemplateLanguage);
        Assert.Equal("[\"Rahul\",\"RMA-2231\"]", stored.TemplateParameters);
        Assert.Equal(DeliveryStatus.Queued, stored.Status);
    }

    [Theory]
    [InlineData("{\"replyType\":\"template\",\"template\":{\"name\":\"x\",\"language\":\"en\",\"parameters\":[\"\"]}}", "parameter")]
    [InlineData("{\"replyType\":\"template\"}", "template")]
    [InlineData("{\"text\":\"   \"}", "empty")]
    [InlineData("{\"text\":\"hi\",\"template\":{\"name\":\"x\",\"language\":\"en\",\"parameters\":[]}}", "only for replies of type 'template'")]
    public async Task Send_MalformedReply_Returns400WithReason(string body, string reason)
    {
        var id = await IdOfAsync("Sofia Rossi");

        var response = await api.PostAsync($"/api/conversations/{id}/messages", new StringContent(body, Encoding.UTF8, "application/json"));

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

        var response = await api.PostAsync($"/api/conversations/{id}/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Send_TooLongForMessenger_Returns400()
    {
        var id = await IdOfAsync("Grace Kim");

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = new string('a', 2001) });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 2000", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Send_TemplateOnMessenger_Returns409()
    {
        var id = await IdOfAsync("Grace Kim");

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages",
            new { replyType = "template", template = new { name = "x", language = "en", parameters = Array.Empty<string>() } });

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Send_SecondPrivateReplyToComment_Returns409()
    {
        var id = await IdOfAsync("Carlos Díaz");

        var first = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, navy is in stock: check your DMs!", replyType = "private_reply" });
        var second = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "One more thing", replyType = "private_reply" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var problem = await AssertProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("already sent", problem.GetProperty("detail").GetString());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        Assert.Equal("public_reply", detail.GetProperty("suggestedReplyType").GetString());
    }

    [Fact]
    public async Task Send_UnknownConversation_Returns404()
    {
        await AssertProblemAsync(await api.PostAsJsonAsync("/api/conversations/999999/messages", new { text = "hi" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assign_ThenUnassign_ChangesAssigneeAndLogsActivity()
    {
        var id = await IdOfAsync("Ana Souza");
        await using var db = app.OpenDb();
        var bruno = await db.Agents.SingleAsync(a => a.Email == "agent2@inbox.demo");

        var assigned = await api.PostAsJsonAsync($"/api/conversations/{id}/assign", new { agentId = bruno.Id });
        var afterAssign = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var unassigned = await api.PostAsJsonAsync($"/api/conversations/{id}/assign", new { agentId = (int?)null });
        var afterUnassign = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");

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

        await AssertProblemAsync(await api.PostAsJsonAsync($"/api/conversations/{id}/assign", new { agentId = 4242 }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SetStatus_Resolved_MovesConversationOutOfOpenList()
    {
        var id = await IdOfAsync("Haruto Sato");

        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/status", new { status = "resolved" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var open = await api.GetFromJsonAsync<JsonElement[]>("/api/conversations?status=open");
        Assert.DoesNotContain(open!, r => r.GetProperty("id").GetInt32() == id);
        await using var db = app.OpenDb();
        Assert.Equal("Open → Resolved", (await db.Activities.SingleAsync(a => a.ConversationId == id)).Detail);
    }

    [Theory]
    [InlineData("{\"status\":\"archived\"}")]
    [InlineData("{}")]
    public async Task SetStatus_InvalidStatus_Returns400(string body)
    {
        var id = await IdOfAsync("Haruto Sato");

        var response = await api.PostAsync($"/api/conversations/{id}/status", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SetStatus_UnknownConversation_Returns404()
    {
        await AssertProblemAsync(await api.PostAsJsonAsync("/api/conversations/999999/status", new { status = "open" }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/api/conversations/1/messages")]
    [InlineData("POST", "/api/conversations/1/assign")]
    [InlineData("POST", "/api/conversations/1/status")]
    [InlineData("GET", "/api/conversations/1")]
    public async Task AnyEndpoint_WithoutKey_Returns401(string method, string url)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheConversationEndpoints()
    {
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/conversations/{id}/messages", document);
        Assert.Contains("SendMessage", document);
    }

    private async Task<JsonElement> FindAsync(string contact)
    {
        var rows = await api.GetFromJsonAsync<JsonElement[]>("/api/conversations");
        return rows!.Single(r => r.GetProperty("contact").GetProperty("name").GetString() == contact);
    }

    private async Task<int> IdOfAsync(string contact) => (await FindAsync(contact)).GetProperty("id").GetInt32();

    private async Task<int> MessageCountAsync(int id)
    {
        await using var db = app.OpenDb();
        return await db.Messages.CountAsync(m => m.ConversationId == id);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
