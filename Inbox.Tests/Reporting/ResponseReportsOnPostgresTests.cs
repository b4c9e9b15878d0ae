using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Reporting;

/// <summary>Every test of <see cref="ResponseReportsTests"/> again, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ResponseReportsOnPostgresTests(PostgresFixture postgres) : ResponseReportsTests
{
    protected override PostgresServer? Postgres => postgres.Server;
}
