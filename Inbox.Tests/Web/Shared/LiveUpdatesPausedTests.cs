using Bunit;
using Inbox.Web.Components.Shared;
using Inbox.Web.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Web.Shared;

/// <summary>The notice every tab shows while the instances' shared Redis is down, against a real redis-server that stops and starts again.</summary>
[Trait("Category", "MultiInstance")]
public sealed class LiveUpdatesPausedTests : IAsyncLifetime
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private RedisServer redis = null!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task RedisStoppedThenBack_TheNoticeShowsThenGoesByItself()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString }).Build();
        await using var link = new RedisLink(configuration, NullLogger<RedisLink>.Instance);
        await link.ConnectionAsync();
        await using var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton(link);
        var tab = ctx.Render<LiveUpdatesPaused>();
        Assert.Empty(tab.FindAll("[data-testid=live-paused]"));

        redis.Stop();
        tab.WaitForAssertion(() => Assert.Contains("Live updates paused", tab.Find("[data-testid=live-paused]").TextContent), SafetyTimeout);
        Assert.NotNull(tab.Find("[data-testid=live-paused] button"));

        await redis.StartAgainAsync();
        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("[data-testid=live-paused]")), SafetyTimeout);
    }

    [Fact]
    public async Task NoRedisConfigured_OneInstance_NoNotice()
    {
        await using var link = new RedisLink(new ConfigurationBuilder().Build(), NullLogger<RedisLink>.Instance);
        await using var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton(link);

        var tab = ctx.Render<LiveUpdatesPaused>();

        Assert.Empty(tab.FindAll("[data-testid=live-paused]"));
    }
}
