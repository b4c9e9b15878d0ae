using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// Read receipts when an agent opens a conversation and typing signals while one types (docs/platform-rules.md §5), as
/// each platform's fake receives them; a channel with the switch off sends nothing, a refusal never reaches the agent.
/// </summary>
public sealed class ReadAndTypingSignalsTests : OutboundTestBase
{
    private const string WhatsApp = $"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages";
    private const string Messenger = $"{OutboundApp.Graph}/{OutboundApp.PageId}/messages";
    private const string Instagram = $"{OutboundApp.Graph}/{OutboundApp.InstagramId}/messages";

    private ReadAndTypingSignals Signals => App.Services.GetRequiredService<ReadAndTypingSignals>();

    [Fact]
    public async Task ConversationOpened_WhatsApp_MarksTheCustomersLatestMessageRead()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa"));
        await AddCustomerMessagesAsync(conversation, "wamid.OLDER", "wamid.LATEST");

        await Signals.ConversationOpenedAsync(conversation.Id);

        OutboundPayloadTests.AssertJson("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.LATEST"}""", Assert.Single(Platform.To(WhatsApp)));
    }

    [Fact]
    public async Task AgentTyping_WhatsApp_SendsTheTypingIndicatorWithTheReadReceipt()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa"));
        await AddCustomerMessagesAsync(conversation, "wamid.Q1");

        await Signals.AgentTypingAsync(conversation.Id);

        OutboundPayloadTests.AssertJson(
            """{"messaging_product":"whatsapp","status":"read","message_id":"wamid.Q1","typing_indicator":{"type":"text"}}""", Assert.Single(Platform.To(WhatsApp)));
    }

    [Fact]
    public async Task Signals_MessengerAndInstagram_SendSenderActions()
    {
        var messenger = await App.AddAsync(ConversationSeed.On("fb"));
        var instagram = await App.AddAsync(ConversationSeed.On("ig"));

        await Signals.ConversationOpenedAsync(messenger.Id);
        await Signals.AgentTypingAsync(instagram.Id);

        OutboundPayloadTests.AssertJson($$$"""{"recipient":{"id":"{{{messenger.Recipient}}}"},"sender_action":"mark_seen"}""", Assert.Single(Platform.To(Messenger)));
        OutboundPayloadTests.AssertJson($$$"""{"recipient":{"id":"{{{instagram.Recipient}}}"},"sender_action":"typing_on"}""", Assert.Single(Platform.To(Instagram)));
    }

    [Fact]
    public async Task Signals_Line_MarkAsReadWithTheStoredTokenAndTheLoadingAnimation()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("line"));
        await using (var db = App.OpenDb())
        {
            await db.Conversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LineMarkAsReadToken, "30yhdy232ewfwe23ewfwe23"));
        }

        await Signals.ConversationOpenedAsync(conversation.Id);
        await Signals.AgentTypingAsync(conversation.Id);

        OutboundPayloadTests.AssertJson("""{"markAsReadToken":"30yhdy232ewfwe23ewfwe23"}""", Assert.Single(Platform.To("/v2/bot/chat/markAsRead")));
        OutboundPayloadTests.AssertJson($$$"""{"chatId":"{{{conversation.Recipient}}}","loadingSeconds":20}""", Assert.Single(Platform.To("/v2/bot/chat/loading/start")));
    }

    [Fact]
    public async Task Signals_ChannelSwitchedOff_SendNothing()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));
        await using (var db = App.OpenDb())
        {
            await db.Channels.Where(c => c.Key == "fb").ExecuteUpdateAsync(s => s.SetProperty(c => c.ReadReceipts, false));
        }

        await Signals.ConversationOpenedAsync(conversation.Id);
        await Signals.AgentTypingAsync(conversation.Id);

        Assert.Empty(Platform.To(Messenger));
    }

    [Fact]
    public async Task ConversationOpened_PlatformRefuses_OneCallNoRetryNothingThrown()
    {
        Platform.Script(Messenger, FakeResponse.GraphError(400, 100, null, "(#100) Invalid parameter"));
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));

        await Signals.ConversationOpenedAsync(conversation.Id);

        Assert.Single(Platform.To(Messenger));
    }

    [Fact]
    public async Task AgentTyping_KeepsTyping_OneSignalPerTwentySeconds()
    {
        var time = TestClock.New();
        var signals = new ReadAndTypingSignals(
            App.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>(), App.Services.GetRequiredService<IHttpClientFactory>(),
            App.Services.GetRequiredService<IOptions<MetaOptions>>(), App.Services.GetRequiredService<IOptions<LineOptions>>(), time, NullLogger<ReadAndTypingSignals>.Instance);
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));

        await signals.AgentTypingAsync(conversation.Id);
        await signals.AgentTypingAsync(conversation.Id);
        time.Advance(TimeSpan.FromSeconds(19));
        await signals.AgentTypingAsync(conversation.Id);
        Assert.Single(Platform.To(Messenger));

        time.Advance(TimeSpan.FromSeconds(1));
        await signals.AgentTypingAsync(conversation.Id);

        Assert.Equal(2, Platform.To(Messenger).Count);
    }

    private async Task AddCustomerMessagesAsync(SeededConversation conversation, params string[] wamids)
    {
        await using var db = App.OpenDb();
        var channelId = await db.Conversations.Where(c => c.Id == conversation.Id).Select(c => c.ChannelId).SingleAsync();
        var at = App.Now.AddMinutes(-30);
        foreach (var wamid in wamids)
        {
            at = at.AddMinutes(1);
            db.Messages.Add(new Message
            {
                ConversationId = conversation.Id, ChannelId = channelId, Direction = MessageDirection.Inbound, Author = MessageAuthor.Customer,
                PlatformMessageId = wamid, Text = "Hello", SentAt = at, CreatedAt = at, Status = DeliveryStatus.Received,
            });
        }

        await db.SaveChangesAsync();
    }
}
