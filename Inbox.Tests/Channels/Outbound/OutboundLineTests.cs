using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>LINE: the free reply while the token is fresh, otherwise a push with a stored retry key; the quota cache follows.</summary>
public sealed class OutboundLineTests : OutboundTestBase
{
    private const string Reply = "/v2/bot/message/reply";
    private const string Push = "/v2/bot/message/push";

    protected override void BeforeStart(FakePlatformServer platform)
    {
        platform.Script("/v2/bot/message/quota", FakeResponse.Ok("""{"type":"limited","value":500}"""));
        platform.Script("/v2/bot/message/quota/consumption", FakeResponse.Ok("""{"totalUsage":120}"""));
    }

    [Fact]
    public async Task Send_FreshReplyToken_UsesReplyApiAndConsumesTheToken()
    {
        Platform.Script(Reply, FakeResponse.LineOk("468789577898262530"));
        var conversation = await App.AddAsync(ConversationSeed.On("line").WithReplyToken("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", TimeSpan.FromSeconds(3)));
        var id = await App.QueueAsync(conversation, new ReplyRequest("Open 10:00 to 18:00.", ReplyType.FreeForm));

        await App.SendAsync();

        var request = Assert.Single(Platform.To(Reply));
        OutboundPayloadTests.AssertJson("""{"replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA","messages":[{"type":"text","text":"Open 10:00 to 18:00."}]}""", request);
        Assert.Equal("Bearer line-token", request.Header("Authorization"));
        Assert.Empty(Platform.To(Push));
        Assert.Equal("468789577898262530", (await App.MessageAsync(id)).PlatformMessageId);
        await using var db = App.OpenDb();
        Assert.Null((await db.Conversations.SingleAsync(c => c.Id == conversation.Id)).LineReplyToken);
        Assert.Equal(120, (await App.ChannelAsync("line")).LineQuotaUsed);
    }

    [Fact]
    public async Task Send_NoFreshToken_PushesWithStoredRetryKeyAndCountsQuota()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("line").WithReplyToken("stale", TimeSpan.FromMinutes(5)));
        var id = await App.QueueAsync(conversation, new ReplyRequest("We are open today.", ReplyType.FreeForm));

        await App.SendAsync();

        var request = Assert.Single(Platform.To(Push));
        OutboundPayloadTests.AssertJson($$$"""{"to":"{{{conversation.Recipient}}}","messages":[{"type":"text","text":"We are open today."}]}""", request);
        var message = await App.MessageAsync(id);
        Assert.True(Guid.TryParse(message.SendKey, out _));
        Assert.Equal(message.SendKey, request.Header("X-Line-Retry-Key"));
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Empty(Platform.To(Reply));
        var channel = await App.ChannelAsync("line");
        Assert.Equal(500, channel.LineQuotaLimit);
        Assert.Equal(121, channel.LineQuotaUsed);
    }

    [Fact]
    public async Task Send_ReplyTokenRefused_FallsBackToPush()
    {
        Platform.Script(Reply, FakeResponse.LineError(400, "Invalid reply token"));
        var conversation = await App.AddAsync(ConversationSeed.On("line").WithReplyToken("used-elsewhere", TimeSpan.FromSeconds(2)));
        var id = await App.QueueAsync(conversation, new ReplyRequest("Hello again.", ReplyType.FreeForm));

        await App.SendAsync();

        Assert.Single(Platform.To(Reply));
        Assert.Equal((await App.MessageAsync(id)).SendKey, Assert.Single(Platform.To(Push)).Header("X-Line-Retry-Key"));
        Assert.Equal(DeliveryStatus.Sent, (await App.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Send_PushOverMonthlyLimit_FailsQuotaExhaustedWithoutRetry()
    {
        Platform.Script(Push, FakeResponse.LineError(429, "You have reached your monthly limit."));
        var conversation = await App.AddAsync(ConversationSeed.On("line"));
        var id = await App.QueueAsync(conversation, new ReplyRequest("Are you there?", ReplyType.FreeForm));

        await App.SendAsync();

        Assert.Single(Platform.To(Push));
        OutboundAssert.Failed(await App.MessageAsync(id), SendFailure.QuotaExhausted, "429", "monthly limit");
        Assert.Equal(0, (await App.ChannelAsync("line")).LineQuotaRemaining);
    }

    [Fact]
    public async Task Send_PushOverConcurrencyLimit_RetriesAndSends()
    {
        Platform.Script(Push, FakeResponse.LineError(429, "The number of concurrent requests exceeds the limit. Try again later."), FakeResponse.LineOk("468789577898262531"));
        var conversation = await App.AddAsync(ConversationSeed.On("line"));
        var id = await App.QueueAsync(conversation, new ReplyRequest("One moment please.", ReplyType.FreeForm));

        await App.SendAsync();

        Assert.Equal(2, Platform.To(Push).Count);
        Assert.Equal(DeliveryStatus.Sent, (await App.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Send_PushOverAdditionalMessageCap_FailsWithoutRetry()
    {
        Platform.Script(Push, FakeResponse.LineError(429, "You have exceeded the target limit for additional messages this month."));
        var conversation = await App.AddAsync(ConversationSeed.On("line"));
        var id = await App.QueueAsync(conversation, new ReplyRequest("Are you there?", ReplyType.FreeForm));

        await App.SendAsync();

        Assert.Single(Platform.To(Push));
        OutboundAssert.Failed(await App.MessageAsync(id), SendFailure.QuotaExhausted, "429", "additional (paid) messages");
    }
}
