using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>Platform refusals map to the inbox's failure kinds (shared DOMAIN.md §3): retried, held, or final.</summary>
public sealed class OutboundFailureTests : IAsyncLifetime
{
    private const string Messenger = $"{OutboundApp.Graph}/{OutboundApp.PageId}/messages";
    private const string WhatsApp = $"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages";

    private FakePlatformServer platform = null!;
    private OutboundApp app = null!;

    public async Task InitializeAsync()
    {
        platform = await FakePlatformServer.StartAsync();
        app = OutboundApp.Start(platform);
    }

    public async Task DisposeAsync()
    {
        app.Dispose();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task Send_GraphWindowClosed_FailsOnceWithoutRetry()
    {
        platform.Script(Messenger, FakeResponse.GraphError(400, 10, 2018278, "(#10) This message is sent outside of allowed window."));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await app.SendAsync();

        Assert.Single(platform.To(Messenger));
        var message = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Equal(SendFailure.WindowClosed, message.Failure);
        Assert.Equal("10/2018278", message.ErrorCode);
        Assert.Contains("outside of allowed window", message.ErrorMessage);
    }

    [Fact]
    public async Task Send_ServerErrorThenSuccess_RetriesAndSends()
    {
        platform.Script(Messenger, new FakeResponse(500, "upstream failure"), FakeResponse.SendApiOk("m_second"));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await app.SendAsync();

        Assert.Equal(2, platform.To(Messenger).Count);
        var message = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Equal("m_second", message.PlatformMessageId);
        Assert.Equal(2, message.SendAttempts);
    }

    [Fact]
    public async Task Send_TransientUntilLastAttempt_FailsRetriesExhausted()
    {
        platform.Script(Messenger, FakeResponse.GraphError(500, 2, null, "An unexpected error has occurred. Please retry your request later."));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await app.SendAsync();

        Assert.Equal(3, platform.To(Messenger).Count);
        var message = await app.MessageAsync(id);
        Assert.Equal(SendFailure.RetriesExhausted, message.Failure);
        Assert.Equal("2", message.ErrorCode);
        Assert.Equal(3, message.SendAttempts);
    }

    [Fact]
    public async Task Send_TokenRefused_FlagsChannelHoldsMessageAndSendsAfterNewToken()
    {
        platform.Script(Messenger, FakeResponse.GraphError(401, 190, 463, "Error validating access token: Session has expired."), FakeResponse.SendApiOk("m_after"));
        var id = await QueueMessengerAsync(TimeSpan.FromHours(2), ReplyType.FreeForm);

        await app.SendAsync();

        var held = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Queued, held.Status);
        Assert.Equal("190/463", held.ErrorCode);
        Assert.Contains("Session has expired", held.ErrorMessage);
        var channel = await app.ChannelAsync("fb");
        Assert.Contains("access token", channel.AuthError);
        Assert.NotNull(channel.AuthErrorAt);
        await app.SendAsync();
        Assert.Single(platform.To(Messenger));

        await app.SetAuthErrorAsync("fb", null);
        await app.SendAsync();

        Assert.Equal(2, platform.To(Messenger).Count);
        var sent = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Null(sent.ErrorCode);
    }

    [Fact]
    public async Task Send_HumanAgentWithoutApproval_FailsAndFlagsChannel()
    {
        platform.Script(Messenger, FakeResponse.GraphError(400, 100, 2018276, "(#100) Human Agent tag is not approved for this page."));
        var id = await QueueMessengerAsync(TimeSpan.FromDays(2), ReplyType.HumanAgentTag);

        await app.SendAsync();

        var message = await app.MessageAsync(id);
        Assert.Equal(SendFailure.HumanAgentNotApproved, message.Failure);
        Assert.Equal("100/2018276", message.ErrorCode);
        Assert.NotNull((await app.ChannelAsync("fb")).HumanAgentRefusedAt);
    }

    [Fact]
    public async Task Send_WhatsAppReengagementError_FailsWindowClosedAskingForTemplate()
    {
        platform.Script(WhatsApp, FakeResponse.GraphError(400, 131047, null, "Re-engagement message"));
        var conversation = await app.AddAsync(ConversationSeed.On("wa"));
        var id = await app.QueueAsync(conversation, new ReplyRequest("Still there?", ReplyType.FreeForm));

        await app.SendAsync();

        Assert.Single(platform.To(WhatsApp));
        var message = await app.MessageAsync(id);
        Assert.Equal(SendFailure.WindowClosed, message.Failure);
        Assert.Equal("131047", message.ErrorCode);
        Assert.Contains("template", message.ErrorMessage);
    }

    [Fact]
    public async Task Send_WhatsAppTemplateParametersRejected_FailsNamingTheTemplate()
    {
        platform.Script(WhatsApp, FakeResponse.GraphError(400, 132000, null, "Number of parameters does not match the expected number of params"));
        var conversation = await app.AddAsync(ConversationSeed.On("wa").LastInbound(TimeSpan.FromDays(4)));
        var id = await app.QueueAsync(conversation, new ReplyRequest(null, ReplyType.Template, new TemplateReply("order_update", "en_US", ["A-1"])));

        await app.SendAsync();

        var message = await app.MessageAsync(id);
        Assert.Equal(SendFailure.TemplateRejected, message.Failure);
        Assert.Equal("132000", message.ErrorCode);
        Assert.Contains("order_update", message.ErrorMessage);
    }

    [Fact]
    public async Task Send_EchoOfTheSendStoredFirst_KeepsOurRowAndDropsTheEcho()
    {
        platform.Script(Messenger, FakeResponse.SendApiOk("m_echoed"));
        var conversation = await app.AddAsync(ConversationSeed.On("fb"));
        await using (var db = app.OpenDb())
        {
            var channel = await app.ChannelAsync("fb");
            db.Messages.Add(new Message
            {
                ConversationId = conversation.Id, ChannelId = channel.Id, Direction = MessageDirection.Outbound, Author = MessageAuthor.Echo,
                PlatformMessageId = "m_echoed", Text = "Hi there", SentAt = app.Now, CreatedAt = app.Now, Status = DeliveryStatus.Sent,
            });
            await db.SaveChangesAsync();
        }

        var id = await app.QueueAsync(conversation, new ReplyRequest("Hi there", ReplyType.FreeForm));

        await app.SendAsync();

        await using var check = app.OpenDb();
        var stored = Assert.Single(check.Messages.Where(m => m.PlatformMessageId == "m_echoed"));
        Assert.Equal(id, stored.Id);
        Assert.Equal(DeliveryStatus.Sent, stored.Status);
    }

    private async Task<long> QueueMessengerAsync(TimeSpan lastInboundAgo, ReplyType type)
    {
        var conversation = await app.AddAsync(ConversationSeed.On("fb").LastInbound(lastInboundAgo));
        return await app.QueueAsync(conversation, new ReplyRequest("Thanks for waiting.", type));
    }
}
