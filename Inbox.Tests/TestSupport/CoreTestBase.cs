using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.TestSupport;

/// <summary>A fresh <see cref="CoreHarness"/> per test.</summary>
public abstract class CoreTestBase : IAsyncLifetime
{
    protected CoreHarness Harness { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Harness = await CoreHarness.StartAsync(ConfigureServices);

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    /// <summary>Services a test class needs beyond Core's.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
