using Inbox.Core.Channels;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Identity;
using Inbox.Core.Media;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Inbox.Core.Replies;
using Inbox.Core.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// Core services on a fresh, migrated database with a hand-moved clock, and builders for what tests store: a SQLite
/// file, or a database of its own on a throwaway PostgreSQL server when one is given.
/// </summary>
public sealed class CoreHarness : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("inbox-core-").FullName;
    private readonly ServiceProvider services;

    private readonly PostgresServer? postgres;
    private readonly string database = PostgresServer.NewDatabase();

    private CoreHarness(Action<IServiceCollection>? extra, PostgresServer? postgres)
    {
        this.postgres = postgres;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(postgres is null
                ? new Dictionary<string, string?> { ["ConnectionStrings:Inbox"] = $"Data Source={Path.Combine(folder, "inbox.db")}" }
                : new Dictionary<string, string?> { ["ConnectionStrings:Inbox"] = postgres.ConnectionString(database), ["Inbox:Database:Provider"] = "Postgres" })
            .Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Time);
        collection.AddPersistence(configuration, folder).AddDomainEvents().AddReplies();
        // The composer's typing signals: pointed at a closed local port, so a test never reaches a real platform.
        collection.AddHttpClient().AddSingleton<ReadAndTypingSignals>()
            .Configure<MetaOptions>(o => o.GraphApiBaseUrl = "http://127.0.0.1:9/v25.0").Configure<LineOptions>(o => o.ApiBaseUrl = "http://127.0.0.1:9");
        collection.AddSingleton<ReplyPolicy>().AddSingleton<ConversationCommands>().AddSingleton<ConversationQueries>();
        collection.AddSingleton<AgentPresence>().AddSingleton<AgentDirectory>();
        // The composer's attachments: files go to this harness's own media folder.
        collection.AddSingleton(new MediaStore(Path.Combine(folder, "media"))).AddSingleton<PublicMediaLinks>().AddSingleton<AttachmentReplies>();
        extra?.Invoke(collection);
        services = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = TestClock.New();

    public IServiceProvider Services => services;

    public static async Task<CoreHarness> StartAsync(Action<IServiceCollection>? extra = null, PostgresServer? postgres = null)
    {
        var harness = new CoreHarness(extra, postgres);
        if (postgres is null)
        {
            await MigratedDatabase.CopyToAsync(Path.Combine(harness.folder, "inbox.db"));
        }

        await harness.Get<DatabaseMigrator>().MigrateAsync();
        return harness;
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public InboxDbContext Open() => Get<IDbContextFactory<InboxDbContext>>().CreateDbContext();

    public async Task<Channel> AddChannelAsync(ChannelKind kind, bool humanAgentApproved = true, int? lineQuotaLeft = null)
    {
        await using var db = Open();
        var key = $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var channel = new Channel { Key = key, Kind = kind, Name = $"Acme {kind}", ExternalId = key, HumanAgentApproved = humanAgentApproved, CreatedAt = Time.UtcNow };
        if (lineQuotaLeft is { } left)
        {
            (channel.LineQuotaLimit, channel.LineQuotaUsed) = (500, 500 - left);
        }

        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    }

    /// <summary>A direct conversation whose customer last wrote <paramref name="lastInboundAgo"/> before the harness's now.</summary>
    public async Task<Conversation> AddConversationAsync(Channel channel, TimeSpan lastInboundAgo, int? assigneeId = null)
    {
        await using var db = Open();
        var contact = new Contact { ChannelId = channel.Id, ExternalId = Guid.NewGuid().ToString("N"), Name = "Kim Lee", CreatedAt = Time.UtcNow };
        var conversation = new Conversation
        {
            ChannelId = channel.Id, Contact = contact, Kind = ConversationKind.Direct, Status = ConversationStatus.Open,
            LastInboundAt = Time.UtcNow - lastInboundAgo, AssigneeId = assigneeId, CreatedAt = Time.UtcNow,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        conversation.Channel = channel;
        return conversation;
    }

    public async Task<Agent> AddAgentAsync(string name)
    {
        await using var db = Open();
        var agent = new Agent { Name = name, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@acme.test" };
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        return agent;
    }

    /// <summary>An outbound reply the sender gave up on with <paramref name="failure"/>.</summary>
    public async Task<Message> AddFailedReplyAsync(Conversation conversation, SendFailure failure, ReplyType type = ReplyType.FreeForm, string text = "Your refund is on its way.")
    {
        await using var db = Open();
        var message = new Message
        {
            ConversationId = conversation.Id, ChannelId = conversation.ChannelId, Direction = MessageDirection.Outbound, Author = MessageAuthor.Agent,
            Text = text, SentAt = Time.UtcNow, CreatedAt = Time.UtcNow, ReplyType = type, Status = DeliveryStatus.Failed, Failure = failure, ErrorMessage = "Not delivered",
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    public async Task<MessageTemplate> AddTemplateAsync(string name = "order_update", string body = "Hi {{1}}, your order {{2}} has an update.", int? channelId = null)
    {
        var result = await Get<TemplateRegistry>().CreateAsync(new TemplateDraft { Name = name, Body = body, ChannelId = channelId }, "test");
        Assert.True(result.Succeeded, result.Error);
        await using var db = Open();
        return await db.Set<MessageTemplate>().SingleAsync(t => t.Id == result.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (postgres is not null)
        {
            await postgres.DropAsync(database);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written as the services stop (media, keys) makes the folder "not empty": left for
            // the OS temp cleaner, as InboxAppFactory does; the test's outcome does not depend on it.
        }
    }
}
