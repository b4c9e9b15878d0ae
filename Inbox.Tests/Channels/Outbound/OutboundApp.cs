using Inbox.Core.Channels;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// The real app on a fresh SQLite file (or a given one), sending to a <see cref="FakePlatformServer"/>, with
/// one declared channel per platform: <c>fb</c>, <c>ig</c>, <c>wa</c>, <c>line</c>. Sending is driven by the
/// test through <see cref="SendAsync"/>; the background worker may run too, which the atomic claim makes safe.
/// </summary>
public sealed class OutboundApp : IDisposable
{
    public const string PageId = "page-1";
    public const string InstagramId = "ig-1";
    public const string PhoneNumberId = "phone-1";
    public const string Graph = "/v25.0";

    private readonly InboxAppFactory factory;
    private readonly WebApplicationFactory<Program> host;
    private int contacts;

    private OutboundApp(FakePlatformServer platform, string? database, TimeProvider? time, IReadOnlyDictionary<string, string?>? overrides)
    {
        Platform = platform;
        var settings = new Dictionary<string, string?>
        {
            ["Inbox:Demo:Enabled"] = "false",
            ["Meta:GraphApiBaseUrl"] = platform.BaseUrl + Graph,
            ["Line:ApiBaseUrl"] = platform.BaseUrl,
            ["Inbox:Sending:MaxAttempts"] = "3",
            ["Inbox:Sending:FirstRetryDelay"] = "00:00:00.005",
            ["Inbox:Sending:PollInterval"] = "01:00:00",
            ["Inbox:Sending:RequestTimeout"] = "00:00:10",
        };
        Declare(settings, 0, "fb", ChannelKind.Messenger, PageId);
        Declare(settings, 1, "ig", ChannelKind.Instagram, InstagramId);
        Declare(settings, 2, "wa", ChannelKind.WhatsApp, PhoneNumberId);
        Declare(settings, 3, "line", ChannelKind.Line, "Ubot");
        if (database is not null)
        {
            settings["ConnectionStrings:Inbox"] = $"Data Source={database}";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        factory = InboxAppFactory.With(settings);
        host = time is null ? factory : factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        _ = host.Server;
    }

    public FakePlatformServer Platform { get; }

    public IServiceProvider Services => host.Services;

    public DateTime Now => Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>Starts the app; <paramref name="database"/> shares a file between instances (restart tests), <paramref name="time"/> replaces its clock.</summary>
    public static OutboundApp Start(FakePlatformServer platform, string? database = null, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? overrides = null) =>
        new(platform, database, time, overrides);

    /// <summary>A client without credentials, as the platforms call the app's webhooks.</summary>
    public HttpClient Client() => host.CreateClient();

    /// <summary>A REST client with the agent API key, as another program calls the app.</summary>
    public HttpClient Api()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", InboxAppFactory.AgentKey);
        return client;
    }

    public InboxDbContext OpenDb() => Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();

    /// <summary>Runs a dispatcher pass; when it returns, every message due before the call is settled.</summary>
    public Task<int> SendAsync() => Services.GetRequiredService<OutboundDispatcher>().SendDueAsync();

    public async Task<SeededConversation> AddAsync(ConversationSeed seed)
    {
        await using var db = OpenDb();
        var channel = await db.Channels.SingleAsync(c => c.Key == seed.ChannelKey);
        var now = Now;
        var contact = new Contact
        {
            ChannelId = channel.Id, ExternalId = seed.ContactId ?? $"cust-{Interlocked.Increment(ref contacts)}", Phone = seed.Phone, Name = "Customer", CreatedAt = now,
        };
        var at = now - seed.LastInboundAgo;
        var conversation = new Conversation
        {
            ChannelId = channel.Id,
            Contact = contact,
            Kind = seed.Kind,
            LastInboundAt = at,
            CommentId = seed.CommentId,
            CommentAt = seed.CommentId is null ? null : at,
            StartedFromAd = seed.StartedFromAd,
            LineReplyToken = seed.LineReplyToken,
            LineReplyTokenAt = seed.LineReplyToken is null ? null : now - seed.LineReplyTokenAge,
            CreatedAt = now,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return new SeededConversation(conversation.Id, contact.ExternalId);
    }

    /// <summary>Queues a reply the way the inbox does; fails the test if the policy refuses it now.</summary>
    public async Task<long> QueueAsync(SeededConversation conversation, ReplyRequest request, SenderKind sender = SenderKind.Human)
    {
        var result = await Services.GetRequiredService<ConversationCommands>().QueueReplyAsync(conversation.Id, request, sender, agentId: null);
        Assert.True(result.Status == CommandStatus.Done, result.Error);
        return result.Message!.Id;
    }

    public async Task<Message> MessageAsync(long id)
    {
        await using var db = OpenDb();
        return await db.Messages.SingleAsync(m => m.Id == id);
    }

    public async Task<Channel> ChannelAsync(string key)
    {
        await using var db = OpenDb();
        return await db.Channels.SingleAsync(c => c.Key == key);
    }

    /// <summary>Sets or clears a channel's token alert, as the sender and the admin page do.</summary>
    public async Task SetAuthErrorAsync(string key, string? error)
    {
        await using var db = OpenDb();
        await db.Channels.Where(c => c.Key == key).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthError, error));
    }

    public void Dispose()
    {
        if (!ReferenceEquals(host, factory))
        {
            host.Dispose();
        }

        factory.Dispose();
    }

    private static void Declare(Dictionary<string, string?> settings, int index, string key, ChannelKind kind, string externalId)
    {
        var prefix = $"Inbox:Channels:{index}:";
        settings[prefix + "Key"] = key;
        settings[prefix + "Kind"] = kind.ToString();
        settings[prefix + "Name"] = key.ToUpperInvariant();
        settings[prefix + "ExternalId"] = externalId;
        settings[prefix + "AccessToken"] = $"{key}-token";
        settings[prefix + "ChannelSecret"] = "line-secret";
        settings[prefix + "HumanAgentApproved"] = "true";
    }
}
