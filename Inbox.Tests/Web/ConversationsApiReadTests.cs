using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web;

/// <summary>Reading conversations through the API, on demo data whose windows run from the real clock at seed time.</summary>
public sealed class ConversationsApiReadTests(InboxAppFactory app) : ConversationsApiTestBase(app), IClassFixture<InboxAppFactory>
{
    [Fact]
    public async Task List_SortByExpiry_PutsSoonestWindowEndFirstAndNoDeadlineLast()
    {
        var rows = await Api.GetFromJsonAsync<JsonElement[]>("/api/conversations?status=open&sort=expiry");

        var deadlines = rows!.Select(r => r.GetProperty("deadline")).ToList();
        var dated = deadlines.TakeWhile(d => d.ValueKind != JsonValueKind.Null).Select(d => d.GetDateTime()).ToList();
        Assert.True(dated.Count > 5);
        Assert.Equal(dated.Order(), dated);
        Assert.All(deadlines.Skip(dated.Count), d => Assert.Equal(JsonValueKind.Null, d.ValueKind));
    }

    [Fact]
    public async Task List_FilteredByChannelAndStatus_ReturnsOnlyThose()
    {
        var whatsApp = await Api.GetFromJsonAsync<JsonElement[]>("/api/conversations?channel=nw-whatsapp");
        var pending = await Api.GetFromJsonAsync<JsonElement[]>("/api/conversations?status=pending");

        Assert.Equal(4, whatsApp!.Length);
        Assert.All(whatsApp, r => Assert.Equal("whatsapp", r.GetProperty("channel").GetProperty("kind").GetString()));
        Assert.Equal(2, pending!.Length);
        Assert.All(pending, r => Assert.Equal("pending", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task List_FilteredByContactAndAssignee_FindsThem()
    {
        var emma = await FindAsync("Emma Johansson");
        var byContact = await Api.GetFromJsonAsync<JsonElement[]>($"/api/conversations?contact={emma.GetProperty("contact").GetProperty("externalId").GetString()}");
        await using var db = App.OpenDb();
        var alice = await db.Agents.SingleAsync(a => a.Email == "agent@inbox.demo");
        var mine = await Api.GetFromJsonAsync<JsonElement[]>($"/api/conversations?assignee={alice.Id}");

        Assert.Equal("Emma Johansson", Assert.Single(byContact!).GetProperty("contact").GetProperty("name").GetString());
        Assert.NotEmpty(mine!);
        Assert.All(mine!, r => Assert.Equal(alice.Id, r.GetProperty("assignee").GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task List_FilteredByWhatsAppBsuidOrPhone_FindsTheSameContact()
    {
        await using (var db = App.OpenDb())
        {
            var contact = await db.Contacts.SingleAsync(c => c.Name == "Sofia Rossi");
            (contact.ExternalId, contact.Phone, contact.Username) = ("IT.7719203344556677", "393331234567", "sofia.r");
            await db.SaveChangesAsync();
        }

        var byBsuid = await Api.GetFromJsonAsync<JsonElement[]>("/api/conversations?contact=IT.7719203344556677");
        var byPhone = await Api.GetFromJsonAsync<JsonElement[]>("/api/conversations?contact=%2B393331234567");
        var detail = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{Assert.Single(byBsuid!).GetProperty("id").GetInt32()}");

        Assert.Equal(Assert.Single(byBsuid!).GetProperty("id").GetInt32(), Assert.Single(byPhone!).GetProperty("id").GetInt32());
        var contactJson = detail.GetProperty("contact");
        Assert.Equal(("IT.7719203344556677", "393331234567", "sofia.r"),
            (contactJson.GetProperty("externalId").GetString(), contactJson.GetProperty("phone").GetString(), contactJson.GetProperty("username").GetString()));
    }

    [Theory]
    [InlineData("/api/conversations?status=closed")]
    [InlineData("/api/conversations?sort=random")]
    public async Task List_InvalidFilter_Returns400Problem(string url)
    {
        var response = await Api.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_WhatsAppPast24h_IsTemplateOnlyAndSaysWhy()
    {
        var id = (await FindAsync("Emma Johansson")).GetProperty("id").GetInt32();

        var detail = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");

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

    [Theory]
    [InlineData("pt-BR", "A janela de 24 horas do WhatsApp fechou em ", "; só modelos podem ser enviados.", "Só modelos")]
    [InlineData("ru", "24-часовое окно WhatsApp закрылось ", "; можно отправлять только шаблоны.", "Только шаблоны")]
    [InlineData("es", "La ventana de 24 horas de WhatsApp se cerró el ", "; solo se pueden enviar plantillas.", "Solo plantillas")]
    public async Task Get_AcceptLanguage_SameCodesWithReasonsAndDatesInThatLanguage(string culture, string opening, string ending, string windowName)
    {
        var id = (await FindAsync("Emma Johansson")).GetProperty("id").GetInt32();
        var english = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{id}");
        request.Headers.AcceptLanguage.ParseAdd(culture);

        var translated = await (await Api.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        static string Codes(JsonElement d) => string.Join(",", [d.GetProperty("window").GetProperty("state").GetString(), d.GetProperty("suggestedReplyType").GetString(),
            .. d.GetProperty("replyOptions").EnumerateArray().Select(o => $"{o.GetProperty("type").GetString()}:{o.GetProperty("allowed").GetBoolean()}")]);
        Assert.Equal(Codes(english), Codes(translated));
        Assert.Equal("Templates only", english.GetProperty("window").GetProperty("name").GetString());
        Assert.Equal(windowName, translated.GetProperty("window").GetProperty("name").GetString());
        var closedAt = translated.GetProperty("window").GetProperty("standardClosesAt").GetDateTime().ToUniversalTime();
        var reason = translated.GetProperty("replyOptions").EnumerateArray().Single(o => o.GetProperty("type").GetString() == "free_form").GetProperty("reason").GetString();
        Assert.Equal($"{opening}{closedAt.ToString("g", System.Globalization.CultureInfo.GetCultureInfo(culture))} UTC{ending}", reason);
    }

    [Fact]
    public async Task Get_UnknownConversation_Returns404Problem()
    {
        await AssertProblemAsync(await Api.GetAsync("/api/conversations/999999"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/api/conversations/1/messages")]
    [InlineData("POST", "/api/conversations/1/assign")]
    [InlineData("POST", "/api/conversations/1/status")]
    [InlineData("GET", "/api/conversations/1")]
    public async Task AnyEndpoint_WithoutKey_Returns401(string method, string url)
    {
        var response = await App.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
