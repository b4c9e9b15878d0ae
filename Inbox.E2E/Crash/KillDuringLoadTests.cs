using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Inbox.Core.Channels.Meta;
using Inbox.E2E.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Inbox.E2E.Crash;

/// <summary>
/// The app as its own process, killed with SIGKILL in the middle of a webhook stream, then restarted on the same
/// database while the sender re-posts everything that was not acknowledged (as Meta does). Every acknowledged
/// event must be stored, and no event twice.
/// </summary>
public sealed partial class KillDuringLoadTests
{
    private const string AppSecret = "crash-test-app-secret";
    private const string PageId = "1040000000777";
    private const int Events = 300;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Inbox__Demo__Enabled"] = "false",
        ["Meta__AppSecret"] = AppSecret,
        ["Inbox__Channels__0__Key"] = "crash-fb",
        ["Inbox__Channels__0__Kind"] = "Messenger",
        ["Inbox__Channels__0__Name"] = "Crash Page",
        ["Inbox__Channels__0__ExternalId"] = PageId,
        ["Inbox__Channels__0__AccessToken"] = "EAAB-crash",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__Inbox.Core.Channels.Inbound.WebhookProcessor"] = "Information",
    };

    [Fact]
    public async Task KillMidStream_RestartAndRepostUnacknowledged_EveryEventStoredExactlyOnce()
    {
        var first = await InboxProcess.StartAsync(Settings);
        var folder = first.DataFolder;
        var acknowledged = new ConcurrentDictionary<int, bool>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        // Eight senders; the app is killed once a third of the stream is acknowledged.
        var next = -1;
        var killed = 0;
        async Task SendAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Events)
            {
                if (await PostAsync(http, first.BaseUrl, i))
                {
                    acknowledged[i] = true;
                }

                if (acknowledged.Count >= Events / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await first.KillAsync();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(SendAsync)));
        await first.DisposeAsync();
        Assert.True(killed == 1 && acknowledged.Count < Events, $"the app was killed mid-stream ({acknowledged.Count} of {Events} acknowledged)");
        var acknowledgedBeforeRestart = acknowledged.Keys.ToHashSet();

        await using var second = await InboxProcess.StartAsync(Settings, folder);

        // Subscribed before anything is posted, so the first catch-up after the restart cannot be missed.
        var caughtUp = second.NextLineAsync(CaughtUp());
        foreach (var i in Enumerable.Range(0, Events).Where(i => !acknowledgedBeforeRestart.Contains(i)))
        {
            Assert.True(await PostAsync(http, second.BaseUrl, i), $"event {i} re-posted after the restart");
        }

        // Meta also redelivers some events that were acknowledged: they must not be stored twice.
        foreach (var i in acknowledgedBeforeRestart.Take(20))
        {
            Assert.True(await PostAsync(http, second.BaseUrl, i));
        }

        var (stored, distinct) = await WaitForMessagesAsync(second, caughtUp, Events);
        Assert.Equal(Events, stored);
        Assert.Equal(Events, distinct);
    }

    private static async Task<bool> PostAsync(HttpClient http, Uri app, int i)
    {
        var body = Encoding.UTF8.GetBytes($$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[{"sender":{"id":"psid-{{{i % 40}}}"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{1_763_700_000_000L + i}}},"message":{"mid":"m_crash_{{{i}}}","text":"event {{{i}}}"}}]}]}
            """);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app, "/webhooks/meta")) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", MetaSignature.Sign(body, AppSecret));
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false; // Not acknowledged: the sender will post it again.
        }
    }

    /// <summary>
    /// Processing runs after the acknowledgement. Each time the app's worker catches up it logs "none pending"; count
    /// then, and if an event is still missing (a pass that began before the last post), wait for the next catch-up.
    /// </summary>
    private static async Task<(long Stored, long Distinct)> WaitForMessagesAsync(InboxProcess app, Task<string> caughtUp, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await caughtUp.WaitAsync(deadline - DateTime.UtcNow);
            var next = app.NextLineAsync(CaughtUp());
            var counts = await CountAsync(app.DataFolder);
            if (counts.Stored >= expected)
            {
                return counts;
            }

            caughtUp = next;
        }
    }

    private static async Task<(long Stored, long Distinct)> CountAsync(string folder)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "inbox.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT PlatformMessageId) FROM Messages WHERE PlatformMessageId LIKE 'm_crash_%'";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [GeneratedRegex("Webhook deliveries processed: .*none pending")]
    private static partial Regex CaughtUp();
}
