using System.Net;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// Webhooks of an Instagram Login channel are signed with the Instagram app secret (docs/platform-rules.md §4b); every
/// other account's with the Meta app secret. A body signed with the other app's secret, or with neither, is refused.
/// </summary>
public sealed class InstagramLoginWebhookTests() : WebhookTestBase(new()
{
    ["Inbox:Channels:1:LoginType"] = "Instagram",
    ["Meta:InstagramAppSecret"] = InstagramAppSecret,
})
{
    private const string InstagramAppSecret = "instagram-app-secret-4567";

    private static readonly DateTime HourAgo = DateTime.UtcNow.AddHours(-1);

    private WebhookPoster SignedByInstagramApp => new(App.CreateClient(), InstagramAppSecret);

    [Fact]
    public async Task Post_InstagramLoginMessageSignedWithTheInstagramAppSecret_IsStored()
    {
        var response = await SignedByInstagramApp.MetaRawAsync(InstagramText("aWdfZAG1faXRlbToxOk", "Do you ship to Osaka?"));
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await SingleConversationAsync();
        Assert.Equal(("acme-ig", "9120000001"), (conversation.Channel!.Key, conversation.Contact!.ExternalId));
        Assert.Equal("Do you ship to Osaka?", Assert.Single(await MessagesAsync()).Text);
    }

    [Fact]
    public async Task Post_InstagramLoginMessageSignedWithTheMetaAppSecret_IsRefused()
    {
        var response = await Webhooks.MetaRawAsync(InstagramText("aWdfZAG1faXRlbToxOl", "Hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
    }

    [Fact]
    public async Task Post_MessengerSignedWithTheInstagramAppSecret_IsRefusedAndWithTheMetaAppSecretStored()
    {
        var body = MessengerText("m_fb1", "Hi Page", "6100000000000001", HourAgo);

        var refused = await SignedByInstagramApp.MetaRawAsync(body);
        var accepted = await Webhooks.MetaRawAsync(body);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (refused.StatusCode, accepted.StatusCode));
        Assert.Equal(1, await DeliveriesStoredAsync());
    }

    [Fact]
    public async Task Post_SignedWithNeitherSecret_IsRefused()
    {
        var response = await new WebhookPoster(App.CreateClient(), "some-other-secret").MetaRawAsync(InstagramText("aWdfZAG1faXRlbToxOm", "Hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
    }

    private static string InstagramText(string mid, string text) => $$$"""
        {"object":"instagram","entry":[{"id":"{{{InstagramId}}}","time":{{{Ms(HourAgo)}}},"messaging":[
          {"sender":{"id":"9120000001"},"recipient":{"id":"{{{InstagramId}}}"},"timestamp":{{{Ms(HourAgo)}}},
           "message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}
        """;
}
