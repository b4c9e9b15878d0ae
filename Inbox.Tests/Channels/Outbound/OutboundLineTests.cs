using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>LINE: the free reply while the token is fresh, otherwise a push with a stored retry key; the quota cache follows.</summary>
public sealed class OutboundLineTests : IAsyncLifetime
{
    private const string Reply = "/v2/bot/message/reply";
    private const string Push = "/v2/bot/message/push";

    private FakePlatformServer platform = null!;
    private OutboundApp app = null!;

    public async Task InitializeAsync()
    {
        platform = await FakePlatformServer.StartAsync();
        platform.Script("/v2/bot/message/quota", FakeResponse.Ok("""{"type":"limited","value":500}"""));
        platform.Script("/v2/bot/message/quota/consumption", FakeResponse.Ok("""{"totalUsage":120}"""));
        app = OutboundApp.Start(platform);
    }

    public async Task DisposeAsync()
    {
        app.Dispose();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task Send_FreshReplyToken_UsesReplyApiAndConsumesTheToken()
    {
        platform.Script(Reply, FakeResponse.LineOk("468789577898262530"));
        var conversation = await app.AddAsync(ConversationSeed.On("line").WithReplyToken("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", TimeSpan.FromSeconds(3)));
        var id = await app.QueueAsync(conversation, new ReplyRequest("Open 10:00 to 18:00.", ReplyType.FreeForm));

        await app.SendAsync();

        var request = Assert.Single(platform.To(Reply));
        OutboundPayloadTests.AssertJson("""{"replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA","messages":[{"type":"text","text":"Open 10:00 to 18:00."}]}""", request);
        Assert.Equal("Bearer line-token", request.Header("Authorization"));
        Assert.Empty(platform.To(Push));
        Assert.Equal("468789577898262530", (await app.MessageAsync(id)).PlatformMessageId);
        await using var db = app.OpenDb();
        Assert.Null((await db.Conversations.SingleAsync(c => c.Id == conversation.Id)).LineReplyToken);
        Assert.Equal(120, (await app.ChannelAsync("line")).LineQuotaUsed);
    }

    [Fact]
    public async Task Send_NoFreshToken_PushesWithStoredRetryKeyAndCountsQuota()
    {
        var conversation = await app.AddAsync(ConversationSeed.On("line").WithReplyToken("stale", TimeSpan.FromMinutes(5)));
        var id = await app.QueueAsync(conversation, new ReplyRequest("We are open today.", ReplyType.FreeForm));

        await app.SendAsync();

        var request = Assert.Single(platform.To(Push));
        OutboundPayloadTests.AssertJson($$$"""{"to":"{{{conversation.Recipient}}}","messages":[{"type":"text","text":"We are open today."}]}""", request);
        var message = await app.MessageAsync(id);
        Assert.True(Guid.TryParse(message.SendKey, out _));
        Assert.Equal(message.SendKey, request.Header("X-Line-Retry-Key"));
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Empty(platform.To(Reply));
        var channel = await app.ChannelAsync("line");
        Assert.Equal(500, channel.LineQuotaLimit);
        Assert.Equal(121, channel.LineQuotaUsed);
    }

    [Fact]
    public async Task Send_ReplyTokenRefused_FallsBackToPush()
    {
        platform.Script(Reply, FakeResponse.LineError(400, "Invalid reply token"));
        var conversation = await app.AddAsync(ConversationSeed.On("line").WithReplyToken("used-elsewhere", TimeSpan.FromSeconds(2)));
        var id = await app.QueueAsync(conversation, new ReplyRequest("Hello again.", ReplyType.FreeForm));

        await app.SendAsync();

        Assert.Single(platform.To(Reply));
        Assert.Equal((await app.MessageAsync(id)).SendKey, Assert.Single(platform.To(Push)).Header("X-Line-Retry-Key"));
        Assert.Equal(DeliveryStatus.Sent, (await app.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Send_PushOverMonthlyLimit_FailsQuotaExhaustedWithoutRetry()
    {
        platform.Script(Push, FakeResponse.LineError(429, "You have reached your monthly limit."));
        var conversation = await app.AddAsync(ConversationSeed.On("line"));
        var id = await app.QueueAsync(conversation, new ReplyRequest("Are you there?", ReplyType.FreeForm));

        await app.SendAsync();

        Assert.Single(platform.To(Push));
        var message = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Equal(SendFailure.QuotaExhausted, message.Failure);
        Assert.Equal("429", message.ErrorCode);
        Assert.Contains("monthly limit", message.ErrorMessage);
        Assert.Equal(0, (await app.ChannelAsync("line")).LineQuotaRemaining);
    }
}
