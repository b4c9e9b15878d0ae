using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Conversations;

/// <summary>Every test of <see cref="ConversationCommandsTests"/> again, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ConversationCommandsOnPostgresTests(PostgresFixture postgres) : ConversationCommandsTests
{
    protected override PostgresServer? Postgres => postgres.Server;
}
