using System.Net;
using System.Net.Http.Json;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Core.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// WhatsApp templates read from Graph's <c>message_templates</c> (a fake Graph answers), offered only when approved,
/// and sent with their header, body and URL button parameters.
/// </summary>
public sealed class TemplateSyncTests : OutboundTestBase
{
    private const string Waba = "102290129340398";
    private static readonly string TemplatesPath = $"{OutboundApp.Graph}/{Waba}/message_templates";

    protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Inbox:Channels:2:BusinessAccountId"] = Waba };

    private TemplateSync Sync => App.Services.GetRequiredService<TemplateSync>();

    [Fact]
    public async Task Sync_TwoPagesFromGraph_StoresEveryTemplateWithStatusStructureAndReason()
    {
        Platform.Script(TemplatesPath, FakeResponse.Ok(PageOne), FakeResponse.Ok(PageTwo));

        var result = await Sync.SyncAsync((await App.ChannelAsync("wa")).Id, "admin@acme.test");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((3, 0, 0), (result.Added, result.Updated, result.Removed));
        var request = Platform.To(TemplatesPath)[0];
        Assert.Equal("Bearer wa-token", request.Headers["Authorization"]);
        Assert.Equal(2, Platform.To(TemplatesPath).Count);
        var templates = await TemplatesAsync();
        var order = templates.Single(t => t.Name == "order_shipped");
        Assert.Equal(
            (TemplateStatus.Approved, TemplateCategory.Utility, "Order {{1}}", 1, 2, "Hi {{1}}, your order {{2}} is on its way.", "1789", true),
            (order.Status, order.Category, order.HeaderText, order.HeaderParameterCount, order.ParameterCount, order.Body, order.MetaId, order.SyncedAt is not null));
        Assert.Equal([1], order.UrlButtonIndexes);
        var paused = templates.Single(t => t.Name == "spring_sale");
        Assert.Equal((TemplateStatus.Paused, "Low quality: customers blocked or reported it."), (paused.Status, paused.StatusReason));
        Assert.Equal(TemplateStatus.Rejected, templates.Single(t => t.Name == "welcome_pt").Status);
        Assert.Equal("templates.synced", (await AuditAsync()).Single().Action);
    }

    [Fact]
    public async Task Sync_Again_UpdatesStatusesAndMarksATemplateMetaNoLongerListsDeleted_HandEnteredOnesStay()
    {
        Platform.Script(TemplatesPath, FakeResponse.Ok(PageOne), FakeResponse.Ok(PageTwo));
        var channel = (await App.ChannelAsync("wa")).Id;
        await Sync.SyncAsync(channel, "admin@acme.test");
        await App.Services.GetRequiredService<TemplateRegistry>().CreateAsync(
            new TemplateDraft { ChannelId = channel, Name = "hand_made", Language = "en_US", Category = TemplateCategory.Utility, Body = "Hello {{1}}" }, "admin@acme.test");
        Platform.Script(TemplatesPath, FakeResponse.Ok(PageOne.Replace("\"PAUSED\"", "\"APPROVED\"").Replace("\"paging\"", "\"_paging\"")));

        var result = await Sync.SyncAsync(channel, "admin@acme.test");

        Assert.Equal((0, 1, 1), (result.Added, result.Updated, result.Removed));
        var templates = await TemplatesAsync();
        Assert.Equal(TemplateStatus.Approved, templates.Single(t => t.Name == "spring_sale").Status);
        Assert.Equal((TemplateStatus.Deleted, "No longer listed at Meta."), templates.Single(t => t.Name == "welcome_pt") is var gone ? (gone.Status, gone.StatusReason) : default);
        Assert.Equal((TemplateStatus.Approved, null), templates.Single(t => t.Name == "hand_made") is var hand ? (hand.Status, hand.SyncedAt) : default);
    }

    [Fact]
    public async Task Sync_TokenRefused_RaisesTheChannelsTokenAlertAndKeepsTheTemplates()
    {
        Platform.Script(TemplatesPath, new FakeResponse(401, """{"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190,"error_subcode":463}}"""));

        var result = await Sync.SyncAsync((await App.ChannelAsync("wa")).Id, "admin@acme.test");

        Assert.Equal("Meta refused the access token: Error validating access token: Session has expired", result.Error);
        Assert.StartsWith("Graph 190", (await App.ChannelAsync("wa")).AuthError);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Reply_PausedTemplate_IsRefusedWithMetasReason_AndNothingIsSent()
    {
        Platform.Script(TemplatesPath, FakeResponse.Ok(PageOne), FakeResponse.Ok(PageTwo));
        await Sync.SyncAsync((await App.ChannelAsync("wa")).Id, "admin@acme.test");
        var conversation = await App.AddAsync(ConversationSeed.On("wa").LastInbound(TimeSpan.FromDays(2)));

        var response = await App.Api().PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new
        {
            replyType = "template",
            template = new { name = "spring_sale", language = "en_US", parameters = new[] { "20%" } },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The template spring_sale (en_US) is paused at Meta and cannot be sent: Low quality: customers blocked or reported it.", await response.Content.ReadAsStringAsync());
        await App.SendAsync();
        Assert.Empty(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages"));
    }

    [Fact]
    public async Task Reply_TemplateWithHeaderAndLinkButton_SendsAllThreeComponents()
    {
        Platform.Script(TemplatesPath, FakeResponse.Ok(PageOne), FakeResponse.Ok(PageTwo));
        await Sync.SyncAsync((await App.ChannelAsync("wa")).Id, "admin@acme.test");
        var conversation = await App.AddAsync(ConversationSeed.On("wa").LastInbound(TimeSpan.FromDays(2)));

        var response = await App.Api().PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new
        {
            replyType = "template",
            template = new
            {
                name = "order_shipped",
                language = "en_US",
                parameters = new[] { "Emma", "#10388" },
                headerParameters = new[] { "#10388" },
                buttonParameters = new Dictionary<string, string> { ["1"] = "10388" },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await App.SendAsync();

        OutboundPayloadTests.AssertJson(
            $$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.Recipient}}}","type":"template",
             "template":{"name":"order_shipped","language":{"code":"en_US"},"components":[
               {"type":"header","parameters":[{"type":"text","text":"#10388"}]},
               {"type":"body","parameters":[{"type":"text","text":"Emma"},{"type":"text","text":"#10388"}]},
               {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"10388"}]}]}}
            """,
            Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages")));
    }

    [Fact]
    public async Task Reply_TemplateWithALinkButtonLeftOut_IsRefusedBeforeSending()
    {
        Platform.Script(TemplatesPath, FakeResponse.Ok(PageOne), FakeResponse.Ok(PageTwo));
        await Sync.SyncAsync((await App.ChannelAsync("wa")).Id, "admin@acme.test");
        var conversation = await App.AddAsync(ConversationSeed.On("wa").LastInbound(TimeSpan.FromDays(2)));

        var result = await App.Services.GetRequiredService<ConversationCommands>().QueueReplyAsync(
            conversation.Id, new ReplyRequest(null, ReplyType.Template, new TemplateReply("order_shipped", "en_US", ["Emma", "#10388"], ["#10388"])), SenderKind.Human, null);

        Assert.Equal((CommandStatus.Invalid, "Fill in the link of button 2 of order_shipped."), (result.Status, result.Error));
    }

    private async Task<List<MessageTemplate>> TemplatesAsync()
    {
        await using var db = App.OpenDb();
        return await db.Set<MessageTemplate>().AsNoTracking().ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = App.OpenDb();
        return await db.Set<AuditEntry>().Where(e => e.Action == "templates.synced").ToListAsync();
    }

    /// <summary>Graph's first page: an approved utility template with a text header and a dynamic URL button, and a paused marketing one.</summary>
    private string Next => $"{Platform.BaseUrl}{TemplatesPath}?fields=name&limit=2&after=MjQZD";

    private string PageOne => $$$"""
        {"data":[
          {"name":"order_shipped","parameter_format":"POSITIONAL","components":[
             {"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["#10388"]}},
             {"type":"BODY","text":"Hi {{1}}, your order {{2}} is on its way.","example":{"body_text":[["Emma","#10388"]]}},
             {"type":"FOOTER","text":"Northwind Outfitters"},
             {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Thanks"},{"type":"URL","text":"Track","url":"https://northwind.example/track/{{1}}","example":["https://northwind.example/track/10388"]}]}],
           "language":"en_US","status":"APPROVED","category":"UTILITY","id":"1789","rejected_reason":"NONE"},
          {"name":"spring_sale","components":[{"type":"BODY","text":"{{1}} off everything this week."}],
           "language":"en_US","status":"PAUSED","category":"MARKETING","id":"1790","rejected_reason":"Low quality: customers blocked or reported it."}],
         "paging":{"cursors":{"before":"MAZDZD","after":"MjQZD"},"next":"{{{Next}}}"}}
        """;

    private static string PageTwo => """
        {"data":[
          {"name":"welcome_pt","components":[{"type":"BODY","text":"Olá! Como podemos ajudar?"}],
           "language":"pt_BR","status":"REJECTED","category":"MARKETING","id":"1791","rejected_reason":"INVALID_FORMAT"}],
         "paging":{"cursors":{"before":"MjQZD","after":"MjUZD"}}}
        """;
}
