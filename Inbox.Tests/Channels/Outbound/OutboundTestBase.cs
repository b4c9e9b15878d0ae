using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>A fresh fake platform and a fresh app per test.</summary>
public abstract class OutboundTestBase : IAsyncLifetime
{
    protected FakePlatformServer Platform { get; private set; } = null!;

    protected OutboundApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await FakePlatformServer.StartAsync();
        BeforeStart(Platform);
        App = OutboundApp.Start(Platform, time: Time, overrides: Overrides);
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Platform.DisposeAsync();
    }

    /// <summary>A Messenger conversation whose customer last wrote <paramref name="lastInboundAgo"/> ago, with one reply queued.</summary>
    protected async Task<long> QueueMessengerAsync(TimeSpan lastInboundAgo, Inbox.Core.Policy.ReplyType type)
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb").LastInbound(lastInboundAgo));
        return await App.QueueAsync(conversation, new Inbox.Core.Conversations.ReplyRequest("Thanks for waiting.", type));
    }

    /// <summary>Settings on top of the outbound defaults, for a test class that needs others.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Overrides => null;

    /// <summary>A clock for the app in place of the system's, for a test class that needs to control it.</summary>
    protected virtual TimeProvider? Time => null;

    /// <summary>Answers scripted before start-up, for calls the app makes at once (the LINE quota).</summary>
    protected virtual void BeforeStart(FakePlatformServer platform)
    {
    }
}
