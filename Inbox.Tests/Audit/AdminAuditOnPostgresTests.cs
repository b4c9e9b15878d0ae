using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Audit;

/// <summary>Every test of <see cref="AdminAuditTests"/> again, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AdminAuditOnPostgresTests(PostgresFixture postgres) : AdminAuditTests
{
    protected override PostgresServer? Postgres => postgres.Server;
}
