using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Scheduling;

/// <summary>Every test of <see cref="AutomationServicesTests"/> again, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AutomationServicesOnPostgresTests(PostgresFixture postgres) : AutomationServicesTests
{
    protected override PostgresServer? Postgres => postgres.Server;
}
