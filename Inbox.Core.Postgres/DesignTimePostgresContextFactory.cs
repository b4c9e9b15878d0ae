using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inbox.Core.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without a server:
/// <c>dotnet ef migrations add Name --project Inbox.Core.Postgres --startup-project Inbox.Core.Postgres</c>.
/// </summary>
public sealed class DesignTimePostgresContextFactory : IDesignTimeDbContextFactory<InboxDbContext>
{
    public InboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InboxDbContext>()
            .UseNpgsql("Host=localhost;Database=inbox_design", npgsql => npgsql.MigrationsAssembly(PostgresMigrations.Assembly))
            .Options);
}
