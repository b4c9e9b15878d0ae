using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>Platform refusals map to the inbox's failure kinds (docs/platform-rules.md §3): retried, held, or final.</summary>
public sealed class OutboundFailureTests : OutboundTestBase
{
    private const string Messenger = $"{OutboundApp.Graph}/{OutboundApp.PageId}/messages";
    private const string WhatsApp = $"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages";

    [Fact]
    public async Task Send_GraphWindowClosed_FailsOnceWithoutRetry()
    {
        Platform.Script(Messenger, FakeResponse.GraphError(400, 10, 2018278, "(#10) This message is sent outside of allowed window."));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await App.SendAsync();

        Assert.Single(Platform.To(Messenger));
        OutboundAssert.Failed(await App.MessageAsync(id), SendFailure.WindowClosed, "10/2018278", "outside of allowed window");
    }

    [Fact]
    public async Task Send_ServerErrorThenSuccess_RetriesAndSends()
    {
        Platform.Script(Messenger, new FakeResponse(500, "upstream failure"), FakeResponse.SendApiOk("m_second"));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await App.SendAsync();

        Assert.Equal(2, Platform.To(Messenger).Count);
        var message = await App.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Equal("m_second", message.PlatformMessageId);
        Assert.Equal(2, message.SendAttempts);
    }

    [Fact]
    public async Task Send_TransientUntilLastAttempt_FailsRetriesExhausted()
    {
        Platform.Script(Messenger, FakeResponse.GraphError(500, 2, null, "An unexpected error has occurred. Please retry your request later."));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await App.SendAsync();

        Assert.Equal(3, Platform.To(Messenger).Count);
        var message = await App.MessageAsync(id);
        OutboundAssert.Failed(message, SendFailure.RetriesExhausted, "2", "after 3 attempts");
        Assert.Equal(3, message.SendAttempts);

        // The final text never says the message will be retried; the platform's own words follow in brackets.
        Assert.Equal("Not delivered after 3 attempts. Messenger is busy or throttling. (An unexpected error has occurred. Please retry your request later.)", message.ErrorMessage);
    }

    [Fact]
    public async Task Send_ServerErrorPageOnEveryAttempt_FinalTextSaysWhatHappenedOnce()
    {
        Platform.Script(Messenger, new FakeResponse(503, "<html>Service Unavailable</html>"));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await App.SendAsync();

        var message = await App.MessageAsync(id);
        OutboundAssert.Failed(message, SendFailure.RetriesExhausted, "503", "after 3 attempts");
        Assert.Equal("Not delivered after 3 attempts. Messenger answered HTTP 503.", message.ErrorMessage);
    }

    [Fact]
    public async Task Send_TokenRefused_FlagsChannelHoldsMessageAndSendsAfterNewToken()
    {
        Platform.Script(Messenger, FakeResponse.GraphError(401, 190, 463, "Error validating access token: Session has expired."), FakeResponse.SendApiOk("m_after"));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await App.SendAsync();

        var held = await App.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Queued, held.Status);
        Assert.Equal("190/463", held.ErrorCode);
        Assert.Contains("Session has expired", held.ErrorMessage);
        var channel = await App.ChannelAsync("fb");
        Assert.Contains("access token", channel.AuthError);
        Assert.NotNull(channel.AuthErrorAt);
        await App.SendAsync();
        Assert.Single(Platform.To(Messenger));

        await App.SetAuthErrorAsync("fb", null);
        await App.SendAsync();

        Assert.Equal(2, Platform.To(Messenger).Count);
        var sent = await App.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Null(sent.ErrorCode);
    }

    [Fact]
    public async Task Send_HeldForTokenThenSentAgain_InFlightShowsNoOldReasonAsARetry()
    {
        Platform.Script(Messenger, FakeResponse.GraphError(401, 190, 463, "Error validating access token: Session has expired."), FakeResponse.SendApiOk("m_after"));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);
        await App.SendAsync();
        Platform.Hold(Messenger, from: 2);

        await App.SetAuthErrorAsync("fb", null);
        var sending = App.SendAsync();
        await Platform.WaitForAsync(Messenger, 2);

        // The token error was the reason to wait, not a failed attempt of this send.
        var inFlight = await App.MessageAsync(id);
        Assert.Equal((DeliveryStatus.Sending, null, null), (inFlight.Status, inFlight.ErrorCode, inFlight.ErrorMessage));
        Assert.DoesNotContain("Retrying", await TimelineMarkup.RenderAsync(App, id));

        Platform.Release();
        await sending;
        Assert.Equal(DeliveryStatus.Sent, (await App.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Send_HumanAgentWithoutApproval_FailsAndFlagsChannel()
    {
        Platform.Script(Messenger, FakeResponse.GraphError(400, 100, 2018276, "(#100) Human Agent tag is not approved for this page."));
        var id = await QueueMessengerAsync(TimeSpan.FromDays(2), ReplyType.HumanAgentTag);

        await App.SendAsync();

        OutboundAssert.Failed(await App.MessageAsync(id), SendFailure.HumanAgentNotApproved, "100/2018276", "Human Agent approval");
        Assert.NotNull((await App.ChannelAsync("fb")).HumanAgentRefusedAt);
    }

    [Fact]
    public async Task Send_PageRestricted_FailsOnceFlagsChannelAndNextAcceptedSendClearsIt()
    {
        Platform.Script(Messenger, FakeResponse.GraphError(400, 10, 1893063, "(#10) Page temporarily restricted from sending messages"), FakeResponse.SendApiOk("m_later"));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await App.SendAsync();

        Assert.Single(Platform.To(Messenger));
        var message = await App.MessageAsync(id);
        OutboundAssert.Failed(message, SendFailure.PageRestricted, "10/1893063", "restricted this Page");
        Assert.False(RetryRules.CanRetry(message));
        var channel = await App.ChannelAsync("fb");
        Assert.NotNull(channel.SendRestrictedAt);

        var later = await QueueMessengerAsync(TimeSpan.FromHours(1), ReplyType.FreeForm);
        await App.SendAsync();

        Assert.Equal(DeliveryStatus.Sent, (await App.MessageAsync(later)).Status);
        Assert.Null((await App.ChannelAsync("fb")).SendRestrictedAt);
    }

    [Fact]
    public async Task Send_WhatsAppReengagementError_FailsWindowClosedAskingForTemplate()
    {
        Platform.Script(WhatsApp, FakeResponse.GraphError(400, 131047, null, "Re-engagement message"));
        var conversation = await App.AddAsync(ConversationSeed.On("wa"));
        var id = await App.QueueAsync(conversation, new ReplyRequest("Still there?", ReplyType.FreeForm));

        await App.SendAsync();

        Assert.Single(Platform.To(WhatsApp));
        OutboundAssert.Failed(await App.MessageAsync(id), SendFailure.WindowClosed, "131047", "send an approved template");
    }

    [Fact]
    public async Task Send_WhatsAppTemplateParametersRejected_FailsNamingTheTemplate()
    {
        Platform.Script(WhatsApp, FakeResponse.GraphError(400, 132000, null, "Number of parameters does not match the expected number of params"));
        var conversation = await App.AddAsync(ConversationSeed.On("wa").LastInbound(TimeSpan.FromDays(4)));
        var id = await App.QueueAsync(conversation, new ReplyRequest(null, ReplyType.Template, new TemplateReply("order_update", "en_US", ["A-1"])));

        await App.SendAsync();

        OutboundAssert.Failed(await App.MessageAsync(id), SendFailure.TemplateRejected, "132000", "'order_update'");
    }

    [Fact]
    public async Task Send_EchoOfTheSendStoredFirst_KeepsOurRowAndDropsTheEcho()
    {
        Platform.Script(Messenger, FakeResponse.SendApiOk("m_echoed"));
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));
        await using (var db = App.OpenDb())
        {
            var channel = await App.ChannelAsync("fb");
            db.Messages.Add(new Message
            {
                ConversationId = conversation.Id, ChannelId = channel.Id, Direction = MessageDirection.Outbound, Author = MessageAuthor.Echo,
                PlatformMessageId = "m_echoed", Text = "Hi there", SentAt = App.Now, CreatedAt = App.Now, Status = DeliveryStatus.Sent,
            });
            await db.SaveChangesAsync();
        }

        var id = await App.QueueAsync(conversation, new ReplyRequest("Hi there", ReplyType.FreeForm));

        await App.SendAsync();

        await using var check = App.OpenDb();
        var stored = Assert.Single(check.Messages.Where(m => m.PlatformMessageId == "m_echoed"));
        Assert.Equal(id, stored.Id);
        Assert.Equal(DeliveryStatus.Sent, stored.Status);
    }
}
