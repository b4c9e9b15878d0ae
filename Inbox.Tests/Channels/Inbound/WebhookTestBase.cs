using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// The real app on an empty database with one channel per platform, and helpers to post signed webhooks
/// and run the processing that normally follows the acknowledgement in the background.
/// </summary>
public abstract class WebhookTestBase : IDisposable
{
    protected const string AppSecret = "test-app-secret-0123";
    protected const string PageId = "1040000000001";
    protected const string InstagramId = "17841400000001";
    protected const string PhoneNumberId = "1090000000001";
    protected const string BusinessAccountId = "1020000000001";
    protected const string LineKey = "acme-line";
    protected const string LineSecret = "line-channel-secret-0123";

    protected WebhookTestBase()
        : this(null)
    {
    }

    /// <summary>The same app with <paramref name="overrides"/> on top of its settings.</summary>
    protected WebhookTestBase(Dictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Inbox:Demo:Enabled"] = "false",
            ["Meta:AppSecret"] = AppSecret,
            ["Inbox:Channels:0:Key"] = "acme-fb",
            ["Inbox:Channels:0:Kind"] = "Messenger",
            ["Inbox:Channels:0:Name"] = "Acme Page",
            ["Inbox:Channels:0:ExternalId"] = PageId,
            ["Inbox:Channels:0:AccessToken"] = "EAAB-page-token",
            ["Inbox:Channels:0:HumanAgentApproved"] = "true",
            ["Inbox:Channels:1:Key"] = "acme-ig",
            ["Inbox:Channels:1:Kind"] = "Instagram",
            ["Inbox:Channels:1:Name"] = "@acme",
            ["Inbox:Channels:1:ExternalId"] = InstagramId,
            ["Inbox:Channels:1:AccessToken"] = "EAAB-ig-token",
            ["Inbox:Channels:2:Key"] = "acme-wa",
            ["Inbox:Channels:2:Kind"] = "WhatsApp",
            ["Inbox:Channels:2:Name"] = "Acme WhatsApp",
            ["Inbox:Channels:2:ExternalId"] = PhoneNumberId,
            ["Inbox:Channels:2:AccessToken"] = "EAAB-wa-token",
            ["Inbox:Channels:2:BusinessAccountId"] = BusinessAccountId,
            ["Inbox:Channels:3:Key"] = LineKey,
            ["Inbox:Channels:3:Kind"] = "Line",
            ["Inbox:Channels:3:Name"] = "Acme LINE",
            ["Inbox:Channels:3:ExternalId"] = "Ubot0000000000000000000000000001",
            ["Inbox:Channels:3:AccessToken"] = "line-token",
            ["Inbox:Channels:3:ChannelSecret"] = LineSecret,
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        App = InboxAppFactory.With(
            settings,
            services => services.AddSingleton<IDomainEventHandler<MessageReceived>>(Received).AddSingleton<ILoggerProvider>(Logs));
        Webhooks = new WebhookPoster(App.CreateClient(), AppSecret);
    }

    protected InboxAppFactory App { get; }

    protected WebhookPoster Webhooks { get; }

    /// <summary>Every <see cref="MessageReceived"/> raised: automations hang off this event, so it must fire once per message.</summary>
    protected ReceivedEvents Received { get; } = new();

    /// <summary>What the app logged, at Information and above.</summary>
    protected LogCapture Logs { get; } = new();

    /// <summary>What the background worker does after the 200, run now so the test can look at the result.</summary>
    protected Task ProcessAsync() => App.Services.GetRequiredService<WebhookProcessor>().ProcessPendingAsync();

    protected async Task<List<Message>> MessagesAsync()
    {
        await using var db = App.OpenDb();
        return await db.Messages.Include(m => m.Conversation!).ThenInclude(c => c.Contact).OrderBy(m => m.Id).ToListAsync();
    }

    protected async Task<Conversation> SingleConversationAsync()
    {
        await using var db = App.OpenDb();
        return await db.Conversations.Include(c => c.Contact).Include(c => c.Channel).SingleAsync();
    }

    protected async Task<int> DeliveriesStoredAsync()
    {
        await using var db = App.OpenDb();
        return await db.WebhookDeliveries.CountAsync();
    }

    /// <summary>A Messenger webhook carrying one customer text message to the test page.</summary>
    protected static string MessengerText(string mid, string text, string psid, DateTime at) => $$$"""
        {"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{Ms(at)}}},"messaging":[
          {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{Ms(at)}}},
           "message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}
        """;

    protected static long Ms(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();

    protected static long Seconds(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeSeconds();

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }

    protected sealed class ReceivedEvents : IDomainEventHandler<MessageReceived>
    {
        private readonly List<MessageReceived> events = [];

        public IReadOnlyList<MessageReceived> All
        {
            get
            {
                lock (events)
                {
                    return [.. events];
                }
            }
        }

        public Task HandleAsync(MessageReceived domainEvent, CancellationToken cancellationToken)
        {
            lock (events)
            {
                events.Add(domainEvent);
            }

            return Task.CompletedTask;
        }
    }
}
