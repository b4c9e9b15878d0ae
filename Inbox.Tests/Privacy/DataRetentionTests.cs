using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Core.Privacy;
using Inbox.Core.Reporting;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Privacy;

/// <summary>The retention run on a real database, with the clock at the harness's now and a batch of one row, so batching is exercised.</summary>
public sealed class DataRetentionTests : CoreTestBase
{
    private readonly RetentionOptions settings = new() { BatchSize = 1 };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IngestWriteGate>();
        services.AddSingleton<DataRetention>();
        services.AddSingleton(Options.Create(settings));
    }

    private DateTime Now => Harness.Time.UtcNow;

    [Fact]
    public async Task Run_WebhookBodies_ClearsOnlyProcessedOnesOlderThanTheLimit()
    {
        var oldProcessed = await AddDeliveryAsync(WebhookDeliveryState.Processed, processedDaysAgo: 31);
        var otherOldProcessed = await AddDeliveryAsync(WebhookDeliveryState.Processed, processedDaysAgo: 45);
        var recentProcessed = await AddDeliveryAsync(WebhookDeliveryState.Processed, processedDaysAgo: 29);
        var oldPending = await AddDeliveryAsync(WebhookDeliveryState.Pending, processedDaysAgo: null, receivedDaysAgo: 60);
        var oldFailed = await AddDeliveryAsync(WebhookDeliveryState.Failed, processedDaysAgo: 60);

        var report = await Harness.Get<DataRetention>().RunAsync();

        Assert.Equal(2, report.WebhookBodiesCleared);
        Assert.Equal("", await BodyAsync(oldProcessed));
        Assert.Equal("", await BodyAsync(otherOldProcessed));
        Assert.NotEqual("", await BodyAsync(recentProcessed));
        Assert.NotEqual("", await BodyAsync(oldPending));
        Assert.NotEqual("", await BodyAsync(oldFailed));
    }

    [Fact]
    public async Task Run_Twice_SecondRunRemovesNothing_AndEachRunIsAuditedWithItsCounts()
    {
        await AddDeliveryAsync(WebhookDeliveryState.Processed, processedDaysAgo: 31);
        settings.ResolvedConversations = TimeSpan.FromDays(90);
        await AddResolvedAsync(resolvedDaysAgo: 100);

        await Harness.Get<DataRetention>().RunAsync();
        var second = await Harness.Get<DataRetention>().RunAsync();

        Assert.Equal(new RetentionReport(0, 0, 0, 0, 0), second);
        await using var db = Harness.Open();
        var runs = await db.Set<AuditEntry>().Where(e => e.Action == "retention.ran").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("retention", r.Actor));
        Assert.Equal("webhook bodies cleared: 1; resolved conversations deleted: 1 (messages 2, notes 1); contacts deleted: 1", runs[0].Detail);
        Assert.Equal("webhook bodies cleared: 0; resolved conversations deleted: 0 (messages 0, notes 0); contacts deleted: 0", runs[1].Detail);
    }

    [Fact]
    public async Task Run_ResolvedConversationsNotSet_KeepsEveryConversation()
    {
        var resolved = await AddResolvedAsync(resolvedDaysAgo: 2000);

        var report = await Harness.Get<DataRetention>().RunAsync();

        Assert.Equal(0, report.ConversationsDeleted);
        await using var db = Harness.Open();
        Assert.True(await db.Conversations.AnyAsync(c => c.Id == resolved.Id));
        Assert.EndsWith("resolved conversations kept (no limit)", (await db.Set<AuditEntry>().SingleAsync()).Detail);
    }

    [Fact]
    public async Task Run_ResolvedConversations_DeletesOnlyThoseResolvedLongerAgoWithWhatBelongsToThem()
    {
        settings.ResolvedConversations = TimeSpan.FromDays(90);
        var old = await AddResolvedAsync(resolvedDaysAgo: 100);
        var otherOld = await AddResolvedAsync(resolvedDaysAgo: 91);
        var recent = await AddResolvedAsync(resolvedDaysAgo: 89);
        var reopened = await AddResolvedAsync(resolvedDaysAgo: 100, status: ConversationStatus.Open);
        var sending = await AddResolvedAsync(resolvedDaysAgo: 100, lastReply: DeliveryStatus.Queued);

        var report = await Harness.Get<DataRetention>().RunAsync();

        Assert.Equal((2, 4, 2, 2), (report.ConversationsDeleted, report.MessagesDeleted, report.NotesDeleted, report.ContactsDeleted));
        await using var db = Harness.Open();
        Assert.Equal([recent.Id, reopened.Id, sending.Id], await db.Conversations.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        int[] gone = [old.Id, otherOld.Id];
        Assert.False(await db.Messages.AnyAsync(m => gone.Contains(m.ConversationId)));
        Assert.False(await db.Set<Note>().AnyAsync(n => gone.Contains(n.ConversationId)));
        Assert.False(await db.Activities.AnyAsync(a => gone.Contains(a.ConversationId)));
        Assert.False(await db.Set<ResponseFact>().AnyAsync(f => gone.Contains(f.ConversationId)));
        Assert.False(await db.Contacts.AnyAsync(c => c.Id == old.ContactId || c.Id == otherOld.ContactId));
        Assert.True(await db.Contacts.AnyAsync(c => c.Id == recent.ContactId));
    }

    [Fact]
    public async Task Run_ContactWithAnotherConversation_KeepsTheContact()
    {
        settings.ResolvedConversations = TimeSpan.FromDays(90);
        var old = await AddResolvedAsync(resolvedDaysAgo: 100);
        await using (var db = Harness.Open())
        {
            db.Conversations.Add(new Conversation { ChannelId = old.ChannelId, ContactId = old.ContactId, Kind = ConversationKind.Direct, Status = ConversationStatus.Open, CreatedAt = Now, LastMessageAt = Now });
            await db.SaveChangesAsync();
        }

        var report = await Harness.Get<DataRetention>().RunAsync();

        Assert.Equal((1, 0), (report.ConversationsDeleted, report.ContactsDeleted));
        await using var check = Harness.Open();
        Assert.True(await check.Contacts.AnyAsync(c => c.Id == old.ContactId));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("365.00:00:00", 365)]
    public void Options_FromConfiguration_EmptyMeansKeep(string value, int? days)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Inbox:Retention:ResolvedConversations"] = value }).Build();

        var bound = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>()!;

        Assert.Equal(days is { } d ? TimeSpan.FromDays(d) : null, bound.ResolvedConversations);
        Assert.Equal(TimeSpan.FromDays(30), bound.WebhookBodies);
    }

    private async Task<long> AddDeliveryAsync(WebhookDeliveryState state, int? processedDaysAgo, int receivedDaysAgo = 60)
    {
        await using var db = Harness.Open();
        var delivery = new WebhookDelivery
        {
            Platform = WebhookPlatform.Meta, ReceivedAt = Now.AddDays(-receivedDaysAgo), State = state,
            ProcessedAt = processedDaysAgo is { } days ? Now.AddDays(-days) : null,
            Body = """{"object":"page","entry":[{"messaging":[{"sender":{"id":"24001"},"message":{"text":"My phone is 555 0101"}}]}]}""",
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private async Task<string> BodyAsync(long id)
    {
        await using var db = Harness.Open();
        return await db.WebhookDeliveries.Where(d => d.Id == id).Select(d => d.Body).SingleAsync();
    }

    /// <summary>A conversation with a customer message and a reply, a note, a report fact, resolved <paramref name="resolvedDaysAgo"/> days ago.</summary>
    private async Task<Conversation> AddResolvedAsync(int resolvedDaysAgo, ConversationStatus status = ConversationStatus.Resolved, DeliveryStatus lastReply = DeliveryStatus.Delivered)
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.FromDays(resolvedDaysAgo + 1));
        var resolvedAt = Now.AddDays(-resolvedDaysAgo);
        await using var db = Harness.Open();
        var stored = await db.Conversations.SingleAsync(c => c.Id == conversation.Id);
        (stored.Status, stored.LastMessageAt, stored.CreatedAt) = (status, resolvedAt.AddHours(-1), resolvedAt.AddDays(-1));
        var inbound = new Message
        {
            ConversationId = stored.Id, ChannelId = channel.Id, Direction = MessageDirection.Inbound, Author = MessageAuthor.Customer,
            Text = "Where is my order?", SentAt = resolvedAt.AddHours(-2), CreatedAt = resolvedAt.AddHours(-2), Status = DeliveryStatus.Received,
        };
        db.Messages.Add(inbound);
        db.Messages.Add(new Message
        {
            ConversationId = stored.Id, ChannelId = channel.Id, Direction = MessageDirection.Outbound, Author = MessageAuthor.Agent,
            Text = "On its way.", SentAt = resolvedAt.AddHours(-1), CreatedAt = resolvedAt.AddHours(-1), Status = lastReply,
        });
        db.Set<Note>().Add(new Note { ConversationId = stored.Id, AuthorName = "Kim", Text = "Customer's address is 1 Main St.", CreatedAt = resolvedAt.AddHours(-1) });
        db.Activities.Add(new ConversationActivity { ConversationId = stored.Id, At = resolvedAt, Kind = ActivityKind.StatusChanged, Actor = "Kim", Detail = "Resolved" });
        await db.SaveChangesAsync();
        db.Set<ResponseFact>().Add(new ResponseFact
        {
            ConversationId = stored.Id, ChannelId = channel.Id, CustomerMessageId = inbound.Id, ReceivedAt = inbound.SentAt, LastInboundAt = inbound.SentAt, InboundCount = 1,
        });
        await db.SaveChangesAsync();
        return stored;
    }
}
