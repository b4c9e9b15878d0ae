using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// While the platform fails and the sender retries, what the agent sees: the message's state, the live notifications,
/// the timeline's markup and the REST API, taken with the retry held at the fake platform; then that it goes out once
/// on recovery, or fails with a text that no longer speaks of retrying. Time limits on platform calls fire when the test
/// says, so "the platform never answered" needs no real waiting.
/// </summary>
public sealed class OutboundRetryProgressTests : OutboundTestBase
{
    private const string Messenger = $"{OutboundApp.Graph}/{OutboundApp.PageId}/messages";
    private const string Push = "/v2/bot/message/push";

    private readonly ManualTimeouts timeouts = new();

    protected override TimeProvider? Time => timeouts;

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["Inbox:Sending:RequestTimeout"] = ManualTimeouts.Setting,
    };

    [Theory]
    [InlineData("server error", "2", "Messenger is busy or throttling. (An unexpected error has occurred. Please retry your request later.)")]
    [InlineData("timeout", "timeout", "The platform did not answer in time.")]
    [InlineData("dropped connection", "network", "The platform could not be reached")]
    public async Task Send_FailsTwiceThenRecovers_AgentSeesTheRetryLiveAndItGoesOutOnce(string fault, string code, string reason)
    {
        var failure = Fault(fault);
        Platform.Script(Messenger, failure, failure, FakeResponse.SendApiOk("m_recovered"));
        Platform.Hold(Messenger, from: 3);
        using var live = new LiveStatusChanges(App.Services);
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await FailCallsAsync(Messenger, failure, count: 2);
        await Platform.WaitForAsync(Messenger, 3);

        // Two calls failed and the third is in flight: still Sending, with the calls made and the last reason, told live after each failure.
        var during = await App.MessageAsync(id);
        Assert.Equal((DeliveryStatus.Sending, 2, code), (during.Status, during.SendAttempts, during.ErrorCode));
        Assert.StartsWith(reason, during.ErrorMessage);
        Assert.Null(during.Failure);
        Assert.Equal([DeliveryStatus.Sending, DeliveryStatus.Sending, DeliveryStatus.Sending], live.Of(id));
        var shown = await TimelineMarkup.RenderAsync(App, id);
        Assert.Contains("data-status=\"Sending\"", shown);
        Assert.Contains("<span class=\"delivery-label\">Sending</span>", shown);
        Assert.Contains("class=\"bubble outbound retrying\"", shown);
        Assert.DoesNotContain("failed\"", shown);
        Assert.Contains($"Retrying — attempt 2 of 3 failed: {reason}", WebUtility.HtmlDecode(shown));
        var api = await ApiMessageAsync(id);
        Assert.Equal(("sending", 2, code), (api.GetProperty("status").GetString(), api.GetProperty("attempts").GetInt32(), api.GetProperty("error").GetProperty("code").GetString()));

        Platform.Release();
        await App.SendAsync();

        var sent = await App.MessageAsync(id);
        Assert.Equal((DeliveryStatus.Sent, "m_recovered", 3), (sent.Status, sent.PlatformMessageId, sent.SendAttempts));
        Assert.Equal((null, null), (sent.ErrorCode, sent.ErrorMessage));
        Assert.Equal([DeliveryStatus.Sending, DeliveryStatus.Sending, DeliveryStatus.Sending, DeliveryStatus.Sent], live.Of(id));
        var after = await TimelineMarkup.RenderAsync(App, id);
        Assert.Contains("<span class=\"delivery-label\">Sent</span>", after);
        Assert.DoesNotContain("retrying", after, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, (await ApiMessageAsync(id)).GetProperty("error").ValueKind);

        // Nothing is due any more: a later pass calls the platform no further.
        await App.SendAsync();
        Assert.Equal(3, Platform.To(Messenger).Count);
    }

    [Fact]
    public async Task Send_PlatformDownForEveryAttempt_AgentSeesEachRetryThenNotDeliveredWithRetry()
    {
        Platform.Script(Messenger, new FakeResponse(503, "Service Unavailable"));
        Platform.Hold(Messenger, from: 2);
        using var live = new LiveStatusChanges(App.Services);
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await Platform.WaitForAsync(Messenger, 2);

        var during = await App.MessageAsync(id);
        Assert.Equal((DeliveryStatus.Sending, 1, "503", "Messenger answered HTTP 503."), (during.Status, during.SendAttempts, during.ErrorCode, during.ErrorMessage));
        Assert.Equal([DeliveryStatus.Sending, DeliveryStatus.Sending], live.Of(id));
        var shown = await TimelineMarkup.RenderAsync(App, id);
        Assert.Contains("Retrying — attempt 1 of 3 failed: Messenger answered HTTP 503.", WebUtility.HtmlDecode(shown));
        Assert.Contains("data-testid=\"delivery-retrying\"", shown);
        Assert.DoesNotContain("delivery-error", shown);

        Platform.Release();
        await App.SendAsync();

        var failed = await App.MessageAsync(id);
        OutboundAssert.Failed(failed, SendFailure.RetriesExhausted, "503", "Not delivered after 3 attempts");
        Assert.Equal("Not delivered after 3 attempts. Messenger answered HTTP 503.", failed.ErrorMessage);
        Assert.Equal([DeliveryStatus.Sending, DeliveryStatus.Sending, DeliveryStatus.Sending, DeliveryStatus.Failed], live.Of(id));
        var after = WebUtility.HtmlDecode(await TimelineMarkup.RenderAsync(App, id));
        Assert.Contains("<span class=\"delivery-label\">Not delivered</span>", after);
        Assert.Contains(">Not delivered after 3 attempts. Messenger answered HTTP 503.</span>", after);
        Assert.DoesNotContain("Retrying", after);
        Assert.DoesNotContain("will retry", after, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-testid=\"retry\"", after);
        var api = await ApiMessageAsync(id);
        Assert.Equal(("failed", 3), (api.GetProperty("status").GetString(), api.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task Send_LinePushTimesOutThenServerError_EveryCallCarriesTheStoredKeyAndItCountsOnce()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("line"));
        Platform.Script(Push, FakeResponse.Stall, FakeResponse.LineError(500, "Internal server error"), FakeResponse.LineOk("line-recovered"));
        Platform.Hold(Push, from: 3);
        using var live = new LiveStatusChanges(App.Services);
        var id = await App.QueueAsync(conversation, new ReplyRequest("Your table is booked.", ReplyType.FreeForm));

        await FailCallsAsync(Push, FakeResponse.Stall, count: 1);
        await Platform.WaitForAsync(Push, 3);

        // The key was stored before the first push: a crash now would resend with it, and LINE would not deliver twice.
        var during = await App.MessageAsync(id);
        Assert.Equal((DeliveryStatus.Sending, 2), (during.Status, during.SendAttempts));
        Assert.True(Guid.TryParse(during.SendKey, out _));
        Assert.Equal(("500", "LINE answered HTTP 500. (Internal server error)"), (during.ErrorCode, during.ErrorMessage));
        Assert.Equal([DeliveryStatus.Sending, DeliveryStatus.Sending, DeliveryStatus.Sending], live.Of(id));
        var usedBefore = (await App.ChannelAsync("line")).LineQuotaUsed;

        Platform.Release();
        await App.SendAsync();

        var pushes = Platform.To(Push);
        Assert.Equal(3, pushes.Count);
        Assert.All(pushes, p => Assert.Equal(during.SendKey, p.Header("X-Line-Retry-Key")));
        var sent = await App.MessageAsync(id);
        Assert.Equal((DeliveryStatus.Sent, "line-recovered", 3), (sent.Status, sent.PlatformMessageId, sent.SendAttempts));
        Assert.Null(sent.ErrorMessage);
        Assert.Equal([DeliveryStatus.Sending, DeliveryStatus.Sending, DeliveryStatus.Sending, DeliveryStatus.Sent], live.Of(id));
        Assert.Equal(usedBefore + 1, (await App.ChannelAsync("line")).LineQuotaUsed);
    }

    private static FakeResponse Fault(string name) => name switch
    {
        "server error" => FakeResponse.GraphError(500, 2, null, "An unexpected error has occurred. Please retry your request later."),
        "timeout" => FakeResponse.Stall,
        "dropped connection" => FakeResponse.Drop,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown fault."),
    };

    /// <summary>The message as <c>GET /api/conversations/{id}</c> shows it.</summary>
    private async Task<JsonElement> ApiMessageAsync(long messageId)
    {
        var conversationId = (await App.MessageAsync(messageId)).ConversationId;
        using var api = App.Api();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversationId}");
        return detail.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == messageId);
    }

    /// <summary>Lets the first <paramref name="count"/> calls fail; a stalled call fails when its time limit is made to pass.</summary>
    private async Task FailCallsAsync(string path, FakeResponse failure, int count)
    {
        for (var call = 1; call <= count; call++)
        {
            await Platform.WaitForAsync(path, call);
            if (failure == FakeResponse.Stall)
            {
                Assert.True(timeouts.Expire() > 0, $"call {call} to {path} was waiting on its time limit");
            }
        }
    }
}
