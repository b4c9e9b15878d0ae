using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Contacts.Profiles;
using Inbox.Core.Media;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Media;

/// <summary>
/// The real app on a fresh database, its Graph, LINE and LINE data APIs (and the platforms' CDNs) played by one
/// <see cref="FakePlatformServer"/>, one channel per platform. Tests post signed webhooks, then run the processing and
/// the downloads that normally follow in the background.
/// </summary>
public abstract class MediaTestBase : IAsyncLifetime
{
    protected const string AppSecret = "media-app-secret-0123";
    protected const string PageId = "1040000000001";
    protected const string InstagramId = "17841400000001";
    protected const string PhoneNumberId = "1090000000001";
    protected const string LineKey = "acme-line";
    protected const string LineSecret = "line-channel-secret-0123";
    protected const string Graph = FakePlatformServer.GraphRoot;

    /// <summary>The smallest real JPEG header, enough for the content check.</summary>
    protected static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    protected static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8];

    protected FakePlatformServer Platform { get; private set; } = null!;

    protected InboxAppFactory App { get; private set; } = null!;

    protected WebhookPoster Webhooks { get; private set; } = null!;

    protected HttpClient Api { get; private set; } = null!;

    /// <summary>Settings on top of these tests' defaults.</summary>
    protected virtual Dictionary<string, string?> Overrides => [];

    public async Task InitializeAsync()
    {
        Platform = await FakePlatformServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Inbox:Demo:Enabled"] = "false",
            ["Meta:AppSecret"] = AppSecret,
            ["Meta:GraphApiBaseUrl"] = Platform.BaseUrl + Graph,
            ["Line:ApiBaseUrl"] = Platform.BaseUrl + "/line-api",
            ["Line:DataApiBaseUrl"] = Platform.BaseUrl + "/line-data",
            ["Line:StickerBaseUrl"] = Platform.BaseUrl + "/line-stickers",
            ["Inbox:Media:RetryDelay"] = "00:00:00",
            ["Inbox:Media:ProfileRetryDelay"] = "01:00:00",
            ["Inbox:Media:PollInterval"] = "01:00:00",
        };
        Declare(settings, 0, "acme-fb", "Messenger", PageId, "EAAB-page-token");
        Declare(settings, 1, "acme-ig", "Instagram", InstagramId, "EAAB-ig-token");
        Declare(settings, 2, "acme-wa", "WhatsApp", PhoneNumberId, "EAAB-wa-token");
        Declare(settings, 3, LineKey, "Line", "Ubot0000000000000000000000000001", "line-token");
        settings["Inbox:Channels:3:ChannelSecret"] = LineSecret;
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }

        App = InboxAppFactory.With(settings);
        Webhooks = new WebhookPoster(App.CreateClient(), AppSecret);
        Api = App.ApiClient();
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Platform.DisposeAsync();
    }

    /// <summary>What runs after the webhook's 200: the message is recorded, then its files are downloaded.</summary>
    protected async Task ProcessAsync()
    {
        await App.Services.GetRequiredService<WebhookProcessor>().ProcessPendingAsync();
        await App.Services.GetRequiredService<MediaFetcher>().FetchDueAsync();
    }

    protected Task<int> FetchAgainAsync() => App.Services.GetRequiredService<MediaFetcher>().FetchDueAsync();

    protected Task<int> LookUpProfilesAsync() => App.Services.GetRequiredService<ProfileRefresher>().RefreshDueAsync();

    /// <summary>The only conversation's API view.</summary>
    protected async Task<JsonElement> ConversationAsync()
    {
        var rows = await Api.GetFromJsonAsync<JsonElement[]>("/api/conversations");
        var id = Assert.Single(rows!).GetProperty("id").GetInt32();
        return await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
    }

    /// <summary>The attachments of the conversation's only message, as the API lists them.</summary>
    protected async Task<JsonElement[]> AttachmentsAsync()
    {
        var message = Assert.Single((await ConversationAsync()).GetProperty("messages").EnumerateArray());
        return [.. message.GetProperty("attachments").EnumerateArray()];
    }

    protected static long Ms(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>A Messenger (or, with <c>instagram</c>, Instagram) customer message carrying <paramref name="attachments"/>.</summary>
    protected static string MetaMessage(string obj, string accountId, string senderId, string mid, string attachments) => $$$"""
        {"object":"{{{obj}}}","entry":[{"id":"{{{accountId}}}","time":{{{Ms(DateTime.UtcNow)}}},"messaging":[
          {"sender":{"id":"{{{senderId}}}"},"recipient":{"id":"{{{accountId}}}"},"timestamp":{{{Ms(DateTime.UtcNow)}}},
           "message":{"mid":"{{{mid}}}","attachments":{{{attachments}}}}}]}]}
        """;

    /// <summary>A WhatsApp Cloud API messages webhook with one message of <paramref name="type"/>.</summary>
    protected static string WhatsAppMessage(string wamid, string type, string media) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"{{{PhoneNumberId}}}"},
          "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234","user_id":"US.13491208655302741918"}],
          "messages":[{"from":"16505551234","from_user_id":"US.13491208655302741918","id":"{{{wamid}}}","timestamp":"{{{Ms(DateTime.UtcNow) / 1000}}}","type":"{{{type}}}","{{{type}}}":{{{media}}}}]}}]}]}
        """;

    /// <summary>A LINE webhook with one message event from a user.</summary>
    protected static string LineMessage(string userId, string eventId, string message) => $$$"""
        {"destination":"Ubot0000000000000000000000000001","events":[{"type":"message","mode":"active","timestamp":{{{Ms(DateTime.UtcNow)}}},
          "source":{"type":"user","userId":"{{{userId}}}"},"webhookEventId":"{{{eventId}}}","deliveryContext":{"isRedelivery":false},
          "replyToken":"b60d432864f44d079f6d8efe86cf404b","message":{{{message}}}}]}
        """;

    private static void Declare(Dictionary<string, string?> settings, int index, string key, string kind, string externalId, string token)
    {
        var prefix = $"Inbox:Channels:{index}:";
        settings[prefix + "Key"] = key;
        settings[prefix + "Kind"] = kind;
        settings[prefix + "Name"] = key;
        settings[prefix + "ExternalId"] = externalId;
        settings[prefix + "AccessToken"] = token;
    }
}
