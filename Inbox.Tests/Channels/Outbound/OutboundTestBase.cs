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
        App = OutboundApp.Start(Platform);
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Platform.DisposeAsync();
    }

    /// <summary>Answers scripted before start-up, for calls the app makes at once (the LINE quota).</summary>
    protected virtual void BeforeStart(FakePlatformServer platform)
    {
    }
}
