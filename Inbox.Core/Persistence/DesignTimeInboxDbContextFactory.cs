using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inbox.Core.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model from this library alone (no web host, no start-up work):
/// <c>dotnet ef migrations add Name --project Inbox.Core</c>. The file is only opened by <c>dotnet ef database update</c>.
/// </summary>
public sealed class DesignTimeInboxDbContextFactory : IDesignTimeDbContextFactory<InboxDbContext>
{
    public InboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InboxDbContext>().UseSqlite("Data Source=inbox-design.db").Options);
}
