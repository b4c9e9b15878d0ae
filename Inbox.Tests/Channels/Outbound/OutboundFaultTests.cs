using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>The platform misbehaves at the network level: connections dropped, calls that never answer.</summary>
public sealed class OutboundFaultTests : OutboundTestBase
{
    private const string Messenger = $"{OutboundApp.Graph}/{OutboundApp.PageId}/messages";

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        // A stalled call is given up after this; long enough that an answered call on a loaded machine (a busy CI
        // runner) still gets through in time, since a timed-out call would be retried and consume the next scripted answer.
        ["Inbox:Sending:RequestTimeout"] = "00:00:01.500",
    };

    [Fact]
    public async Task Send_DroppedThenTimedOutThenRecovered_IsSentOnceAfterTheRetries()
    {
        Platform.Script(Messenger, FakeResponse.Drop, FakeResponse.Stall, FakeResponse.SendApiOk("m_recovered"));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await App.SendAsync();

        Assert.Equal(3, Platform.To(Messenger).Count);
        var message = await App.MessageAsync(id);
        Assert.Equal((DeliveryStatus.Sent, "m_recovered", 3), (message.Status, message.PlatformMessageId, message.SendAttempts));
        Assert.Null(message.Failure);

        // Nothing is due any more: a later pass sends nothing again.
        await App.SendAsync();
        Assert.Equal(3, Platform.To(Messenger).Count);
    }

    [Fact]
    public async Task Send_ConnectionKeepsDropping_FailsVisiblyAfterTheLastAttempt()
    {
        Platform.Script(Messenger, FakeResponse.Drop);
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await App.SendAsync();

        Assert.Equal(3, Platform.To(Messenger).Count);
        var message = await App.MessageAsync(id);
        Assert.Equal((DeliveryStatus.Failed, SendFailure.RetriesExhausted), (message.Status, message.Failure));
        Assert.StartsWith("Not delivered after 3 attempts. The platform could not be reached", message.ErrorMessage);
        Assert.DoesNotContain("will retry", message.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }
}
