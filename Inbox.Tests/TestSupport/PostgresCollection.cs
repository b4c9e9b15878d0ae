namespace Inbox.Tests.TestSupport;

/// <summary>
/// The tests that run again on PostgreSQL (trait <c>Database=Postgres</c>): each such class derives from a SQLite test
/// class and points it at the shared server, so both engines answer the same assertions.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
