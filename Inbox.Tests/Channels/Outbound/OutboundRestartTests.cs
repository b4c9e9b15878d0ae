using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>Queued messages survive a restart and reach the platform once; a send in flight at shutdown is never resent blindly.</summary>
public sealed class OutboundRestartTests : IDisposable
{
    private const string Push = "/v2/bot/message/push";
    private const string Messenger = $"{OutboundApp.Graph}/{OutboundApp.PageId}/messages";
    private const string WhatsApp = $"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages";

    private readonly string folder = Directory.CreateTempSubdirectory("inbox-restart-").FullName;

    private string Database => Path.Combine(folder, "inbox.db");

    [Fact]
    public async Task Restart_QueuedAndLinePushInFlight_EachReachesThePlatformOnce()
    {
        await using var platform = await FakePlatformServer.StartAsync();
        // The push in flight at shutdown did reach LINE: the repeat with its retry key is answered 409.
        platform.Script(Push, new FakeResponse(409, """{"message":"The retry key is already accepted","sentMessages":[{"id":"line-777","quoteToken":"q"}]}"""));
        platform.Hold(Push);
        long line, messenger, whatsApp;
        using (var first = OutboundApp.Start(platform, Database))
        {
            line = await first.QueueAsync(await first.AddAsync(ConversationSeed.On("line")), new ReplyRequest("Push me once", ReplyType.FreeForm));
            await platform.WaitForAsync(Push);
            messenger = await first.QueueAsync(await first.AddAsync(ConversationSeed.On("fb")), new ReplyRequest("Queued before the restart", ReplyType.FreeForm));
            whatsApp = await first.QueueAsync(await first.AddAsync(ConversationSeed.On("wa")), new ReplyRequest("Me too", ReplyType.FreeForm));
        }

        platform.Release();
        using var second = OutboundApp.Start(platform, Database);
        await second.SendAsync();

        var pushes = platform.To(Push);
        Assert.Equal(2, pushes.Count);
        var lineMessage = await second.MessageAsync(line);
        Assert.All(pushes, p => Assert.Equal(lineMessage.SendKey, p.Header("X-Line-Retry-Key")));
        Assert.Equal(DeliveryStatus.Sent, lineMessage.Status);
        Assert.Equal("line-777", lineMessage.PlatformMessageId);
        Assert.Single(platform.To(Messenger));
        Assert.Single(platform.To(WhatsApp));
        Assert.Equal(DeliveryStatus.Sent, (await second.MessageAsync(messenger)).Status);
        Assert.Equal(DeliveryStatus.Sent, (await second.MessageAsync(whatsApp)).Status);
    }

    [Fact]
    public async Task Restart_MessengerSendInFlight_FailsInterruptedWithoutResending()
    {
        await using var platform = await FakePlatformServer.StartAsync();
        platform.Hold(Messenger);
        long id;
        using (var first = OutboundApp.Start(platform, Database))
        {
            id = await first.QueueAsync(await first.AddAsync(ConversationSeed.On("fb")), new ReplyRequest("Did this arrive?", ReplyType.FreeForm));
            await platform.WaitForAsync(Messenger);
        }

        platform.Release();
        using var second = OutboundApp.Start(platform, Database);
        await second.SendAsync();

        Assert.Single(platform.To(Messenger));
        OutboundAssert.Failed(await second.MessageAsync(id), SendFailure.Interrupted, "interrupted", "may or may not have arrived");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
