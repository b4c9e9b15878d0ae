using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Policy;
using Inbox.Core.Reporting;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Reporting;

/// <summary>Facts follow the domain events: a customer message opens a turn, a sent reply answers it and is counted as a send.</summary>
public class ResponseFactsUpdaterTests : CoreTestBase
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IReportingCalendar, NoReportingCalendar>().AddSingleton<Inbox.Core.Channels.Inbound.IngestWriteGate>().AddSingleton<ResponseFactsUpdater>().AddSingleton<ReportingBackfill>();
        services.AddSingleton<IDomainEventBatchHandler<MessageReceived>, RefreshFactsOnMessageReceived>();
        services.AddSingleton<IDomainEventHandler<MessageStatusChanged>, RefreshFactsOnMessageSent>();
    }

    [Fact]
    public async Task Handle_CustomerMessageThenSentReply_TurnAnsweredAndSendRecorded()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        var question = await AddAsync(conversation, MessageAuthor.Customer, DeliveryStatus.Received);
        await Harness.Get<DomainEvents>().PublishAsync(new MessageReceived(conversation.Id, question.Id, channel.Id, true, false));

        Harness.Time.Advance(TimeSpan.FromMinutes(7));
        var reply = await AddAsync(conversation, MessageAuthor.Agent, DeliveryStatus.Sent, ReplyType.FreeForm);
        await Harness.Get<DomainEvents>().PublishAsync(new MessageStatusChanged(conversation.Id, reply.Id, DeliveryStatus.Sent));
        await Harness.Get<DomainEvents>().PublishAsync(new MessageStatusChanged(conversation.Id, reply.Id, DeliveryStatus.Delivered));

        await using var db = Harness.Open();
        var turn = await db.Set<ResponseFact>().SingleAsync();
        Assert.Equal(420, turn.ResponseSeconds);
        Assert.Equal(question.Id, turn.CustomerMessageId);
        var send = await db.Set<SendFact>().SingleAsync();
        Assert.Equal((reply.Id, ReplyType.FreeForm, false), (send.MessageId, send.ReplyType, send.Automated));
    }

    [Fact]
    public async Task Rebuild_StoredMessages_SameFactsAsTheEvents()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        await AddAsync(conversation, MessageAuthor.Customer, DeliveryStatus.Received);
        Harness.Time.Advance(TimeSpan.FromMinutes(3));
        await AddAsync(conversation, MessageAuthor.Automation, DeliveryStatus.Sent, ReplyType.FreeForm);

        var turns = await Harness.Get<ReportingBackfill>().RebuildAsync();

        await using var db = Harness.Open();
        Assert.Equal(1, turns);
        Assert.Null((await db.Set<ResponseFact>().SingleAsync()).RespondedAt);
        Assert.True((await db.Set<SendFact>().SingleAsync()).Automated);
    }

    [Fact]
    public async Task Handle_BatchOfSeveralConversations_SameFactsAsTheRebuildFromStoredMessages()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var answered = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        var waiting = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        var resolved = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        await AddAsync(answered, MessageAuthor.Customer, DeliveryStatus.Received);
        await AddAsync(resolved, MessageAuthor.Customer, DeliveryStatus.Received);
        Harness.Time.Advance(TimeSpan.FromMinutes(2));
        await AddAsync(waiting, MessageAuthor.Customer, DeliveryStatus.Received);
        await AddAsync(answered, MessageAuthor.Agent, DeliveryStatus.Sent, ReplyType.FreeForm);
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await AddAsync(answered, MessageAuthor.Customer, DeliveryStatus.Received);
        await AddAsync(waiting, MessageAuthor.Customer, DeliveryStatus.Received);
        await using (var db = Harness.Open())
        {
            db.Activities.Add(new ConversationActivity { ConversationId = resolved.Id, At = Harness.Time.UtcNow, Kind = ActivityKind.StatusChanged, Actor = "Alice", Detail = "Open → Resolved" });
            await db.Conversations.Where(c => c.Id == resolved.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, ConversationStatus.Resolved));
            await db.SaveChangesAsync();
        }

        await Harness.Get<DomainEvents>().PublishAllAsync<MessageReceived>(
            [new(answered.Id, 0, channel.Id, false, false), new(waiting.Id, 0, channel.Id, false, false), new(resolved.Id, 0, channel.Id, false, false), new(999, 0, channel.Id, true, false)]);
        var fromBatch = await FactsAsync();
        await Harness.Get<ReportingBackfill>().RebuildAsync();

        Assert.Equal(4, fromBatch.Count);
        Assert.Equal((await FactsAsync()).Select(f => JsonSerializer.Serialize(f)), fromBatch.Select(f => JsonSerializer.Serialize(f)));
        Assert.Contains(fromBatch, f => f.ConversationId == answered.Id && f.ResponseSeconds == 120);
        Assert.Contains(fromBatch, f => f.ConversationId == resolved.Id && f.EndedAt == Harness.Time.UtcNow);
    }

    /// <summary>Every turn, without its row id, in a stable order.</summary>
    private async Task<List<ResponseFact>> FactsAsync()
    {
        await using var db = Harness.Open();
        var facts = await db.Set<ResponseFact>().AsNoTracking().ToListAsync();
        facts.ForEach(f => f.Id = 0);
        return [.. facts.OrderBy(f => f.ConversationId).ThenBy(f => f.ReceivedAt)];
    }

    private async Task<Message> AddAsync(Conversation conversation, MessageAuthor author, DeliveryStatus status, ReplyType? type = null)
    {
        await using var db = Harness.Open();
        var message = new Message
        {
            ConversationId = conversation.Id, ChannelId = conversation.ChannelId, Author = author, Status = status, ReplyType = type, Text = "…",
            Direction = author == MessageAuthor.Customer ? MessageDirection.Inbound : MessageDirection.Outbound,
            SentAt = Harness.Time.UtcNow, CreatedAt = Harness.Time.UtcNow,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }
}
