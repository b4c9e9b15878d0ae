using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>The policy is asked again at send time: what was allowed when queued may not be allowed when sent.</summary>
public sealed class OutboundPolicyRecheckTests
{
    private const string Messenger = $"{OutboundApp.Graph}/{OutboundApp.PageId}/messages";

    [Fact]
    public async Task Send_WindowClosedSinceQueued_SendsNothingAndFailsWindowClosed()
    {
        var time = TestClock.New();
        await using var platform = await FakePlatformServer.StartAsync();
        using var app = OutboundApp.Start(platform, time: time);
        var conversation = await app.AddAsync(ConversationSeed.On("fb").LastInbound(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1)));
        // Held for a token problem while the clock runs past the 24 h window, as happens when an admin is slow to fix it.
        await app.SetAuthErrorAsync("fb", "token expired");
        var id = await app.QueueAsync(conversation, new ReplyRequest("Sorry for the wait!", ReplyType.FreeForm));
        time.Advance(TimeSpan.FromMinutes(2));
        await app.SetAuthErrorAsync("fb", null);

        await app.SendAsync();

        Assert.Empty(platform.To(Messenger));
        var message = await app.MessageAsync(id);
        OutboundAssert.Failed(message, SendFailure.WindowClosed, "policy", "24-hour window closed at");
        Assert.Equal(ReplyType.FreeForm, message.ReplyType);
    }

    [Fact]
    public async Task Send_PrivateReplyClaimedWhenQueued_IsStillSent()
    {
        await using var platform = await FakePlatformServer.StartAsync();
        using var app = OutboundApp.Start(platform);
        var conversation = await app.AddAsync(ConversationSeed.On("ig").OnComment("ig_c1").LastInbound(TimeSpan.FromDays(6)));
        var id = await app.QueueAsync(conversation, new ReplyRequest("Check your DMs!", ReplyType.PrivateReply));

        await app.SendAsync();

        Assert.Single(platform.To($"{OutboundApp.Graph}/{OutboundApp.InstagramId}/messages"));
        Assert.Equal(DeliveryStatus.Sent, (await app.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Send_SimulatedChannel_SucceedsWithoutCallingThePlatform()
    {
        await using var platform = await FakePlatformServer.StartAsync();
        using var app = OutboundApp.Start(platform);
        await using (var db = app.OpenDb())
        {
            await db.Channels.Where(c => c.Key == "wa").ExecuteUpdateAsync(s => s.SetProperty(c => c.Simulated, true));
        }

        var conversation = await app.AddAsync(ConversationSeed.On("wa"));
        var id = await app.QueueAsync(conversation, new ReplyRequest("Demo reply", ReplyType.FreeForm));

        await app.SendAsync();

        Assert.Empty(platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages"));
        var message = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.StartsWith("sim-", message.PlatformMessageId);
    }
}
