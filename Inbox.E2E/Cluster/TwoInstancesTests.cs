using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inbox.E2E.PageObjects;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Inbox.E2E.Cluster;

/// <summary>
/// Two instances on one PostgreSQL database and one Redis: what one instance does, the other's agents see live, work
/// is done once however it is spread, and neither a killed instance nor a Redis outage loses or doubles anything.
/// </summary>
[Trait("Category", "MultiInstance")]
public sealed partial class TwoInstancesTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What crosses instances (processing on A, Redis, B's circuit) gets longer than one app's default on a loaded machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions LiveWait = new() { Timeout = 30_000 };

    [Fact]
    public async Task WebhookPostedToA_ReachesALiveConnectionOnB()
    {
        await using var hub = InboxHubClient.Build(new Uri(cluster.B.BaseUrl, InboxHub.Path), ClusterFixture.ApiKey);
        var received = Received(hub);
        await hub.StartListeningAsync();

        Assert.True(await ClusterFixture.PostMessageAsync(cluster.A, "psid-live", "m_live_1", "Hello from A"));

        var message = await received.Task.WaitAsync(SafetyTimeout);
        Assert.Equal(await cluster.ConversationOfAsync(cluster.B, "psid-live"), message.GetProperty("conversationId").GetInt32());
    }

    [Fact]
    public async Task RepliesQueuedAcrossBoth_EachSentOnce()
    {
        var processed = cluster.A.NextLineAsync(CaughtUp());
        Assert.True(await ClusterFixture.PostMessageAsync(cluster.A, "psid-replies", "m_replies_1", "Two hundred answers, please"));
        await processed.WaitAsync(SafetyTimeout);
        var conversation = await cluster.ConversationOfAsync(cluster.A, "psid-replies");
        var before = cluster.Platform.To(ClusterFixture.Messenger).Count;

        // 200 replies, half through A and half through B, eight at a time.
        const int Replies = 200;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Replies)
            {
                await ClusterFixture.ReplyAsync(i % 2 == 0 ? cluster.A : cluster.B, conversation, $"answer {i:000}");
            }
        })));

        // One more through each: each instance sends in queue order, so once these left, every reply before them has.
        await ClusterFixture.ReplyAsync(cluster.A, conversation, "last through A");
        await ClusterFixture.ReplyAsync(cluster.B, conversation, "last through B");
        await cluster.Platform.WaitForAsync(ClusterFixture.Messenger, before + Replies + 2).WaitAsync(SafetyTimeout);

        var answers = cluster.Platform.To(ClusterFixture.Messenger).Select(r => AnswerText().Match(r.Body)).Where(m => m.Success).Select(m => m.Value).ToList();
        Assert.Equal(Replies, answers.Count);
        Assert.Equal(Replies, answers.Distinct().Count());
    }

    [Fact]
    public async Task ReminderDueWhileBothRun_FiresOnce()
    {
        await using var hub = InboxHubClient.Build(new Uri(cluster.B.BaseUrl, InboxHub.Path), ClusterFixture.ApiKey);
        // Every conversation of the fixture gets its reminder 4 s after its customer wrote: listen per conversation.
        var reminded = new ConcurrentDictionary<int, TaskCompletionSource>();
        TaskCompletionSource RemindedOf(int conversation) => reminded.GetOrAdd(conversation, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        hub.On<JsonElement>("WindowClosingSoon", change => RemindedOf(change.GetProperty("conversationId").GetInt32()).TrySetResult());
        await hub.StartListeningAsync();

        var processed = AnyCaughtUp();
        Assert.True(await ClusterFixture.PostMessageAsync(cluster.A, "psid-reminder", "m_reminder_1", "Is anyone there?"));
        await processed.WaitAsync(SafetyTimeout);
        var conversation = await cluster.ConversationOfAsync(cluster.A, "psid-reminder");

        // Both instances run Hangfire's workers on the one PostgreSQL storage; the team hears of it once, whichever ran it.
        // Whichever instance ran it prints the outcome once it is recorded (perhaps before this listens: then it is in the output).
        var outcome = new Regex($"WindowReminder for conversation {conversation}: ");
        var recorded = Task.WhenAny(cluster.A.NextLineAsync(outcome), cluster.B.NextLineAsync(outcome));
        await RemindedOf(conversation).Task.WaitAsync(SafetyTimeout);
        if (!outcome.IsMatch(cluster.A.Output) && !outcome.IsMatch(cluster.B.Output))
        {
            await recorded.WaitAsync(SafetyTimeout);
        }

        var (state, entries) = await cluster.AutomationAsync(conversation, "WindowReminder", "Reminder to");
        Assert.Equal("Done", state);
        Assert.Equal(1, entries);
    }

    [Fact]
    public async Task InstanceKilledMidStream_TheOtherFinishesItsClaimedWork_NothingLostOrTwice()
    {
        const int Events = 100;
        var doomed = await cluster.StartInstanceAsync("C");
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var next = -1;
        var killed = 0;
        async Task SendAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Events)
            {
                if (await ClusterFixture.PostMessageAsync(doomed, $"psid-kill-{i % 20}", $"m_kill_{i}", $"event {i}"))
                {
                    acknowledged[i] = true;
                }

                if (acknowledged.Count >= Events / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await doomed.KillAsync();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(SendAsync)));
        await doomed.DisposeAsync();
        Assert.True(killed == 1 && acknowledged.Count < Events, $"C was killed mid-stream ({acknowledged.Count} of {Events} acknowledged)");

        // What C did not acknowledge, Meta posts again, here to B; some acknowledged ones come again too.
        var caughtUp = AnyCaughtUp();
        foreach (var i in Enumerable.Range(0, Events).Where(i => !acknowledged.ContainsKey(i)).Concat(acknowledged.Keys.Take(10)))
        {
            Assert.True(await ClusterFixture.PostMessageAsync(cluster.B, $"psid-kill-{i % 20}", $"m_kill_{i}", $"event {i}"), $"event {i} posted to B");
        }

        // C's claimed and unprocessed deliveries are B's once their lease runs out.
        var (stored, distinct) = await WaitForMessagesAsync(caughtUp, "m_kill_", Events);
        Assert.Equal(Events, stored);
        Assert.Equal(Events, distinct);
    }

    [Fact]
    public async Task RedisStoppedAndRestarted_NothingLost_LiveUpdatesResume()
    {
        const int DuringOutage = 20;
        cluster.Redis.Stop();
        foreach (var i in Enumerable.Range(0, DuringOutage))
        {
            Assert.True(await ClusterFixture.PostMessageAsync(i % 2 == 0 ? cluster.A : cluster.B, "psid-outage", $"m_outage_{i}", $"during the outage {i}"));
        }

        await cluster.Redis.StartAgainAsync();
        await using var hub = InboxHubClient.Build(new Uri(cluster.B.BaseUrl, InboxHub.Path), ClusterFixture.ApiKey);
        var received = Received(hub);
        await hub.StartListeningAsync();

        // A reconnects on its own schedule: post through A until B's connection hears one (each post is stored either way).
        var posted = 0;
        while (!received.Task.IsCompleted && posted < 60)
        {
            Assert.True(await ClusterFixture.PostMessageAsync(cluster.A, "psid-outage", $"m_after_{posted++}", "after the outage"));
            await Task.WhenAny(received.Task, cluster.A.NextLineAsync(CaughtUp()));
        }

        await received.Task.WaitAsync(SafetyTimeout);
        var caughtUp = AnyCaughtUp();
        Assert.True(await ClusterFixture.PostMessageAsync(cluster.A, "psid-outage", "m_outage_last", "last"));
        var (stored, distinct) = await WaitForMessagesAsync(caughtUp, "m_outage_", DuringOutage + 1);
        Assert.Equal(DuringOutage + 1, stored);
        Assert.Equal(DuringOutage + 1, distinct);
    }

    [Fact]
    public async Task AgentSignedInOnB_SeesAsWebhookLive_LiveUpdatesPausedWhileRedisIsDown_ThenWhatAPostedMeanwhile()
    {
        var page = await cluster.NewPageAsync(cluster.B);
        var inbox = await new LoginPage(page).SignInAsync(ClusterFixture.AdminEmail, ClusterFixture.AdminPassword);
        await inbox.WaitForLiveAsync();

        // The newest first: the list only renders the rows in view, and earlier tests left two dozen conversations.
        await inbox.SortByLatestAsync();
        var paused = page.GetByTestId("live-paused");
        await Assertions.Expect(paused).ToBeHiddenAsync();

        // Live: a customer writes through A; the tab on B lists it without a reload.
        Assert.True(await ClusterFixture.PostMessageAsync(cluster.A, "psid-browser", "m_browser_1", "Hello from A, live"), "A acknowledged the webhook");
        await Assertions.Expect(Preview(page, "Hello from A, live")).ToBeVisibleAsync(LiveWait);

        // Redis goes down: the tab says so. What A stores meanwhile cannot reach it.
        cluster.Redis.Stop();
        await Assertions.Expect(paused).ToContainTextAsync("Live updates paused", new() { Timeout = LiveWait.Timeout });
        await inbox.ScreenshotAsync("cluster-live-updates-paused");
        var processed = Task.WhenAny(cluster.A.NextLineAsync(CaughtUp()), cluster.B.NextLineAsync(CaughtUp()));
        Assert.True(await ClusterFixture.PostMessageAsync(cluster.A, "psid-browser-2", "m_browser_2", "Written while Redis was down"), "A acknowledged the webhook during the outage");
        await processed.WaitAsync(SafetyTimeout);

        // Redis is back: the notice goes and the inbox shows what it missed, still without a reload.
        await inbox.MarkDocumentAsync();
        await cluster.Redis.StartAgainAsync();
        await Assertions.Expect(paused).ToBeHiddenAsync(new() { Timeout = LiveWait.Timeout });
        await Assertions.Expect(Preview(page, "Written while Redis was down")).ToBeVisibleAsync(LiveWait);
        Assert.True(await inbox.IsSameDocumentAsync(), "the page was not reloaded");
        await page.Context.CloseAsync();
    }

    private static ILocator Preview(IPage page, string text) => page.GetByTestId("row-preview").GetByText(text, new() { Exact = true });

    /// <summary>Completes with the first MessageReceived the connection hears (the tests of this class run one at a time).</summary>
    private static TaskCompletionSource<JsonElement> Received(HubConnection hub)
    {
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("MessageReceived", message => received.TrySetResult(message));
        return received;
    }

    /// <summary>
    /// Counts each time A or B reports it has caught up, until <paramref name="expected"/> are stored: either may process
    /// what was posted to the other, since both claim from the one database.
    /// </summary>
    private async Task<(long Stored, long Distinct)> WaitForMessagesAsync(Task caughtUp, string prefix, int expected)
    {
        var deadline = DateTime.UtcNow + SafetyTimeout;
        while (true)
        {
            await caughtUp.WaitAsync(deadline - DateTime.UtcNow);
            var next = AnyCaughtUp();
            var counts = await cluster.CountAsync(prefix);
            if (counts.Stored >= expected)
            {
                return counts;
            }

            caughtUp = next;
        }
    }

    private Task AnyCaughtUp() => Task.WhenAny(cluster.A.NextLineAsync(CaughtUp()), cluster.B.NextLineAsync(CaughtUp()));

    [GeneratedRegex("Webhook deliveries processed: .*none pending")]
    private static partial Regex CaughtUp();

    [GeneratedRegex(@"answer \d{3}")]
    private static partial Regex AnswerText();
}
