using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.TestSupport;

/// <summary>A fresh <see cref="CoreHarness"/> per test.</summary>
public abstract class CoreTestBase : IAsyncLifetime
{
    protected CoreHarness Harness { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Harness = await CoreHarness.StartAsync(ConfigureServices, Postgres);

    /// <summary>The PostgreSQL server to run on instead of SQLite: set by a class that runs the same tests on PostgreSQL.</summary>
    protected virtual PostgresServer? Postgres => null;

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    /// <summary>Services a test class needs beyond Core's.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
