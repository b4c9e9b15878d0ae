using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// Instagram comments, from Meta's webhook to the Graph call: a public reply under the comment at any time
/// (<c>POST /{ig-comment-id}/replies</c> with <c>message</c>), beside the one private reply within 7 days.
/// </summary>
public sealed class InstagramCommentReplyTests : OutboundTestBase
{
    private const string AppSecret = "test-app-secret-0123";

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Meta:AppSecret"] = AppSecret };

    [Fact]
    public async Task PublicReply_FreshComment_OfferedBesideThePrivateReplyAndPostedUnderTheComment()
    {
        await ReceiveCommentAsync("17900000000000001", "Is this in blue?", App.Now.AddHours(-1));
        var id = await ConversationIdAsync();

        var before = await DetailAsync(id);
        Assert.Equal([("private_reply", true), ("public_reply", true)], Options(before));
        Assert.Equal("private_reply", before.GetProperty("suggestedReplyType").GetString());

        Platform.Script($"{OutboundApp.Graph}/17900000000000001/replies", FakeResponse.Ok("""{"id":"17900000000000077"}"""));
        var sent = await App.Api().PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, in blue too!", replyType = "public_reply" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        await App.SendAsync();

        OutboundPayloadTests.AssertJson("""{"message":"Yes, in blue too!"}""", Assert.Single(Platform.To($"{OutboundApp.Graph}/17900000000000001/replies")));
        var messageId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var message = await App.MessageAsync(messageId);
        Assert.Equal((DeliveryStatus.Sent, "17900000000000077"), (message.Status, message.PlatformMessageId));

        // A public answer does not spend the comment's one private reply.
        Assert.Equal([("private_reply", true), ("public_reply", true)], Options(await DetailAsync(id)));
    }

    [Fact]
    public async Task PublicReply_CommentOlderThanSevenDays_IsTheSuggestedReplyAndIsSent()
    {
        await ReceiveCommentAsync("17900000000000002", "Do you ship to Norway?", App.Now.AddDays(-8));
        var id = await ConversationIdAsync();

        var detail = await DetailAsync(id);
        Assert.Equal([("private_reply", false), ("public_reply", true)], Options(detail));
        Assert.Equal(("public_reply", "unlimited"), (detail.GetProperty("suggestedReplyType").GetString(), detail.GetProperty("window").GetProperty("state").GetString()));

        var sent = await App.Api().PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "We do, in 3 to 5 days." });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        await App.SendAsync();

        OutboundPayloadTests.AssertJson("""{"message":"We do, in 3 to 5 days."}""", Assert.Single(Platform.To($"{OutboundApp.Graph}/17900000000000002/replies")));
        Assert.Empty(Platform.To($"{OutboundApp.Graph}/{OutboundApp.InstagramId}/messages"));
    }

    /// <summary>Meta's Instagram <c>comments</c> webhook, signed with the app secret, and the processing that follows the 200.</summary>
    private async Task ReceiveCommentAsync(string commentId, string text, DateTime at)
    {
        var seconds = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds();
        var body = $$$"""
            {"object":"instagram","entry":[{"id":"{{{OutboundApp.InstagramId}}}","time":{{{seconds}}},"changes":[{"field":"comments","value":{
              "from":{"id":"9120000002","username":"mika.t"},"media":{"id":"18000000000000001","media_product_type":"FEED"},
              "id":"{{{commentId}}}","text":"{{{text}}}"}}]}]}
            """;
        var response = await new WebhookPoster(App.Client(), AppSecret).MetaRawAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await App.Services.GetRequiredService<WebhookProcessor>().ProcessPendingAsync();
    }

    private async Task<int> ConversationIdAsync()
    {
        await using var db = App.OpenDb();
        return await db.Conversations.Where(c => c.Kind == ConversationKind.Comment).Select(c => c.Id).SingleAsync();
    }

    private Task<JsonElement> DetailAsync(int id) => App.Api().GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");

    private static List<(string?, bool)> Options(JsonElement detail) =>
        detail.GetProperty("replyOptions").EnumerateArray().Select(o => (o.GetProperty("type").GetString(), o.GetProperty("allowed").GetBoolean())).ToList();
}
