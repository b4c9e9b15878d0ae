using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Audit;

/// <summary>
/// The admin audit trail supervisors read. Entries are added to the caller's own unit of work, so an action and
/// its record are saved together or not at all; nothing here updates or deletes one.
/// </summary>
public sealed class AuditLog(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    /// <summary>The longest detail the table holds; a longer summary is cut rather than refused.</summary>
    public const int DetailLength = 1000;

    /// <summary>Adds an entry to <paramref name="db"/>; it is written by the caller's <c>SaveChanges</c>.</summary>
    public void Add(InboxDbContext db, string actor, string action, string target, string? detail = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = Cut(actor, 200),
            Action = action,
            Target = Cut(target, 200),
            Detail = detail is null ? null : Cut(detail, DetailLength),
        });

    /// <summary>Records an action that has already been saved (e.g. a single-statement delete).</summary>
    public async Task RecordAsync(string actor, string action, string target, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, target, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The latest entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int count = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
