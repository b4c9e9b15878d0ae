using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Channels;

/// <summary>A <see cref="ChannelAdmin"/> over a fresh, migrated SQLite file, with its log and published events recorded.</summary>
public sealed class ChannelAdminFixture : IDisposable
{
    private readonly ServiceProvider handlers;

    private ChannelAdminFixture(TestDatabase database)
    {
        Database = database;
        handlers = new ServiceCollection().AddSingleton<IDomainEventHandler<ChannelReauthorised>>(Reauthorised).BuildServiceProvider();
        var events = new DomainEvents(handlers.GetRequiredService<IServiceScopeFactory>(), NullLogger<DomainEvents>.Instance);
        Admin = new ChannelAdmin(database.Contexts, Time, events, new Inbox.Core.Audit.AuditLog(database.Contexts, Time), new Inbox.Core.Channels.Inbound.WebhookAddressBook(database.Contexts, Time), Log);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = TestClock.New();

    public RecordingLogger<ChannelAdmin> Log { get; } = new();

    public RecordingHandler<ChannelReauthorised> Reauthorised { get; } = new();

    public ChannelAdmin Admin { get; }

    public static async Task<ChannelAdminFixture> StartAsync()
    {
        var database = new TestDatabase();
        await database.Migrator.MigrateAsync();
        return new ChannelAdminFixture(database);
    }

    /// <summary>Stores a channel directly, as configuration sync, the demo seeder or a sender would leave it.</summary>
    public async Task<Channel> AddChannelAsync(string key, ChannelKind kind = ChannelKind.Messenger, Action<Channel>? configure = null)
    {
        var channel = new Channel { Key = key, Kind = kind, Name = key, ExternalId = "ext-" + key, AccessToken = "stored-token-" + key, CreatedAt = Time.UtcNow };
        configure?.Invoke(channel);
        await using var db = Database.Open();
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    }

    public async Task AddConversationAsync(int channelId)
    {
        await using var db = Database.Open();
        var contact = new Contact { ChannelId = channelId, ExternalId = "psid-" + Guid.NewGuid(), Name = "Customer", CreatedAt = Time.UtcNow };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        db.Conversations.Add(new Conversation { ChannelId = channelId, ContactId = contact.Id, LastInboundAt = Time.UtcNow, LastMessageAt = Time.UtcNow });
        await db.SaveChangesAsync();
    }

    public async Task<Channel> ReadAsync(int id)
    {
        await using var db = Database.Open();
        return await db.Channels.FindAsync(id) ?? throw new InvalidOperationException($"Channel {id} is gone.");
    }

    public void Dispose()
    {
        handlers.Dispose();
        Database.Dispose();
    }
}
