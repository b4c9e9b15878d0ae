using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Reporting;

/// <summary>Every test of <see cref="ResponseRollupTests"/> again, on PostgreSQL: its triggers, backfill and day arithmetic.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ResponseRollupOnPostgresTests(PostgresFixture postgres) : ResponseRollupTests
{
    protected override PostgresServer? Postgres => postgres.Server;
}
