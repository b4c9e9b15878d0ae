using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Reporting;

/// <summary>Every test of <see cref="ResponseFactsUpdaterTests"/> again, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ResponseFactsUpdaterOnPostgresTests(PostgresFixture postgres) : ResponseFactsUpdaterTests
{
    protected override PostgresServer? Postgres => postgres.Server;
}
