namespace Inbox.Tests.TestSupport;

/// <summary>
/// One throwaway PostgreSQL server for every class in the <see cref="PostgresCollection"/>, started on first use and
/// stopped (by its process id) when they are done. Each test takes a database of its own on it.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
