using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Scheduling;

/// <summary>Every test of <see cref="AutomationSchedulerTests"/> again, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AutomationSchedulerOnPostgresTests(PostgresFixture postgres) : AutomationSchedulerTests
{
    protected override PostgresServer? Postgres => postgres.Server;
}
