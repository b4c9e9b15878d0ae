using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.E2E.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Inbox.E2E.Crash;

/// <summary>
/// The app as its own process, killed with SIGKILL while a reply's platform call is held open at a fake platform,
/// then restarted on the same data folder. Nobody can know whether a Messenger send in flight arrived, so it must be
/// shown as interrupted and never sent again; a LINE push carries a retry key, so it is sent again and LINE's 409
/// "already accepted" settles it as sent, delivered and counted once.
/// </summary>
public sealed partial class KillDuringSendTests : IAsyncLifetime
{
    private const string AppSecret = "kill-send-app-secret";
    private const string PageId = "1040000000888";
    private const string LineBot = "Ukillsendbot000000000000000000000";
    private const string LineSecret = "kill-send-line-secret";
    private const string ApiKey = "kill-send-agent-key-0123456789";
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(60);

    private static readonly string Messenger = FakePlatformServer.MessengerPath(PageId);

    private FakePlatformServer platform = default!;

    public async Task InitializeAsync() => platform = await FakePlatformServer.StartAsync();

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task KillWhileMessengerSendHeld_Restart_ShownInterruptedAndNeverSentAgain()
    {
        platform.Hold(Messenger);
        var first = await InboxProcess.StartAsync(Settings());
        int conversation;
        long reply;
        try
        {
            conversation = await CustomerWritesAsync(first, "kill-fb", MessengerWebhook("Where is my order?"), "/webhooks/meta", MetaHeader);
            reply = await ReplyAsync(first, conversation, "It ships today.");
            await platform.WaitForAsync(Messenger);
            Assert.Equal("sending", (await MessageAsync(first, conversation, reply)).GetProperty("status").GetString());
            await first.KillAsync();
        }
        finally
        {
            await first.DisposeAsync();
        }

        // From here on the platform answers at once: a resend of the interrupted reply would be recorded, not held.
        platform.Release();
        await using var second = await InboxProcess.StartAsync(Settings(), first.DataFolder);

        // A later reply goes out: the sender has run since the restart, and the first reply was not in what it sent.
        var sent = second.NextLineAsync(SentLine("kill-fb"));
        var later = await ReplyAsync(second, conversation, "Tracking number follows.");
        await sent.WaitAsync(SafetyTimeout);

        var interrupted = await MessageAsync(second, conversation, reply);
        Assert.Equal("failed", interrupted.GetProperty("status").GetString());
        Assert.Equal("interrupted", interrupted.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("may or may not have arrived", interrupted.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("sent", (await MessageAsync(second, conversation, later)).GetProperty("status").GetString());
        var calls = platform.To(Messenger);
        Assert.Single(calls, c => c.Body.Contains("It ships today.", StringComparison.Ordinal));
        Assert.Single(calls, c => c.Body.Contains("Tracking number follows.", StringComparison.Ordinal));
        Assert.Equal(2, calls.Count);
    }

    [Fact]
    public async Task KillWhileLinePushHeld_Restart_ResentWithTheSameRetryKeyAndSentOnce()
    {
        platform.Hold(FakePlatformServer.LinePush);
        var first = await InboxProcess.StartAsync(Settings());
        int conversation;
        long reply;
        try
        {
            conversation = await CustomerWritesAsync(first, "kill-line", LineWebhook("Is the table for four still free?"), "/webhooks/line/kill-line", LineHeader);
            reply = await ReplyAsync(first, conversation, "Yes, booked for you.");
            await platform.WaitForAsync(FakePlatformServer.LinePush);
            Assert.Equal("sending", (await MessageAsync(first, conversation, reply)).GetProperty("status").GetString());
            await first.KillAsync();
        }
        finally
        {
            await first.DisposeAsync();
        }

        // Still held: the push after the restart is caught too, so the test is listening before it can be answered.
        await using var second = await InboxProcess.StartAsync(Settings(), first.DataFolder);
        await platform.WaitForAsync(FakePlatformServer.LinePush, 2);
        var sent = second.NextLineAsync(SentLine("kill-line"));
        platform.Release();
        await sent.WaitAsync(SafetyTimeout);

        Assert.Equal("sent", (await MessageAsync(second, conversation, reply)).GetProperty("status").GetString());
        var pushes = platform.To(FakePlatformServer.LinePush);
        Assert.Equal(2, pushes.Count);
        Assert.True(Guid.TryParse(pushes[0].RetryKey, out _), "the first push carried a retry key");
        Assert.Equal(pushes[0].RetryKey, pushes[1].RetryKey);
        Assert.Single(pushes, p => p.Delivered);
        Assert.Equal(1, await LineQuotaUsedAsync(second, "kill-line"));
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Inbox__Demo__Enabled"] = "false",
        ["Meta__AppSecret"] = AppSecret,
        ["Meta__GraphApiBaseUrl"] = platform.BaseUrl + FakePlatformServer.GraphRoot,
        ["Line__ApiBaseUrl"] = platform.BaseUrl,
        ["Inbox__ApiKeys__0__Name"] = "kill-send",
        ["Inbox__ApiKeys__0__Key"] = ApiKey,
        ["Inbox__ApiKeys__0__Role"] = "Agent",
        ["Inbox__Channels__0__Key"] = "kill-fb",
        ["Inbox__Channels__0__Kind"] = "Messenger",
        ["Inbox__Channels__0__Name"] = "Kill Page",
        ["Inbox__Channels__0__ExternalId"] = PageId,
        ["Inbox__Channels__0__AccessToken"] = "EAAB-kill",
        ["Inbox__Channels__1__Key"] = "kill-line",
        ["Inbox__Channels__1__Kind"] = "Line",
        ["Inbox__Channels__1__Name"] = "Kill LINE",
        ["Inbox__Channels__1__ExternalId"] = LineBot,
        ["Inbox__Channels__1__AccessToken"] = "line-kill-token",
        ["Inbox__Channels__1__ChannelSecret"] = LineSecret,

        // A held call must stay in flight until the kill, not time out and be retried first.
        ["Inbox__Sending__RequestTimeout"] = "00:05:00",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__Inbox.Core.Channels.Inbound.WebhookProcessor"] = "Information",
        ["Logging__LogLevel__Inbox.Core.Channels.Outbound.OutboundDispatcher"] = "Information",
    };

    /// <summary>Posts a signed webhook, waits until the app has processed it, and returns the conversation it opened.</summary>
    private static async Task<int> CustomerWritesAsync(InboxProcess app, string channel, byte[] body, string path, Func<byte[], (string Name, string Value)> signature)
    {
        var processed = app.NextLineAsync(CaughtUp());
        using var http = new HttpClient { BaseAddress = app.BaseUrl, Timeout = SafetyTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        var (name, value) = signature(body);
        request.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await processed.WaitAsync(SafetyTimeout);

        using var api = Api(app);
        var conversations = await api.GetFromJsonAsync<JsonElement>($"/api/conversations?channel={channel}");
        return Assert.Single(conversations.EnumerateArray()).GetProperty("id").GetInt32();
    }

    private static async Task<long> ReplyAsync(InboxProcess app, int conversation, string text)
    {
        using var api = Api(app);
        using var response = await api.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>The message as the REST API shows it to an agent's tool.</summary>
    private static async Task<JsonElement> MessageAsync(InboxProcess app, int conversation, long message)
    {
        using var api = Api(app);
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}");
        return detail.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == message);
    }

    /// <summary>The channel's monthly push count as the app keeps it (shown on the admin page only, so read from the database).</summary>
    private static async Task<long> LineQuotaUsedAsync(InboxProcess app, string channel)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "inbox.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT LineQuotaUsed FROM Channels WHERE Key = $key";
        command.Parameters.AddWithValue("$key", channel);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static HttpClient Api(InboxProcess app)
    {
        var api = new HttpClient { BaseAddress = app.BaseUrl, Timeout = SafetyTimeout };
        api.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        return api;
    }

    private static byte[] MessengerWebhook(string text)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return Encoding.UTF8.GetBytes($$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{now}}},"messaging":[{"sender":{"id":"psid-kill-1"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{now}}},"message":{"mid":"m_kill_1","text":"{{{text}}}"}}]}]}
            """);
    }

    /// <summary>A LINE message written two minutes ago: its reply token (good for 30 seconds) has lapsed, so the answer is a push.</summary>
    private static byte[] LineWebhook(string text)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes($$$"""
            {"destination":"{{{LineBot}}}","events":[{"type":"message","mode":"active","timestamp":{{{at}}},"webhookEventId":"01KILLSEND0000000000000001","deliveryContext":{"isRedelivery":false},"replyToken":"lapsed-reply-token","source":{"type":"user","userId":"U00000000000000000000000000kill01"},"message":{"id":"600000000000000001","type":"text","quoteToken":"q","text":"{{{text}}}"}}]}
            """);
    }

    private static (string, string) MetaHeader(byte[] body) => ("X-Hub-Signature-256", MetaSignature.Sign(body, AppSecret));

    private static (string, string) LineHeader(byte[] body) => ("x-line-signature", LineSignature.Sign(body, LineSecret));

    private static Regex SentLine(string channel) => new($@"Message \d+ on {channel}: Sent\b");

    [GeneratedRegex("Webhook deliveries processed: .*none pending")]
    private static partial Regex CaughtUp();
}
