using Inbox.Core.Channels.Inbound;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>
/// Keeps conversations' facts up to date: their turns are rebuilt from their own messages (a few rows each, through
/// their index) whenever a customer writes, a reply leaves, or an assignment or status changes, a whole event batch at
/// once; each sent message gets its send fact once.
/// </summary>
public sealed class ResponseFactsUpdater(IDbContextFactory<InboxDbContext> contexts, IngestWriteGate gate, IReportingCalendar calendar)
{
    public Task RefreshConversationAsync(int conversationId, CancellationToken cancellationToken = default) =>
        RefreshConversationsAsync([conversationId], cancellationToken);

    /// <summary>Rebuilds the turns of each conversation, all in one transaction, with one read, one delete and one prepared insert for them all.</summary>
    public async Task RefreshConversationsAsync(IReadOnlyCollection<int> conversationIds, CancellationToken cancellationToken = default)
    {
        var ids = conversationIds.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // In turn with the webhook store (see IngestWriteGate), rather than in SQLite's sleeping busy handler.
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var timelines = await TimelineLoader.LoadManyAsync(db, ids, cancellationToken);
        await db.Set<ResponseFact>().Where(f => ids.Contains(f.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await FactWriter.InsertTurnsAsync(db, timelines.SelectMany(t => TurnBuilder.Build(t, calendar)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records that an outbound message left, once; later status updates of the same message change nothing.</summary>
    public async Task RecordSendAsync(long messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await FactWriter.InsertSendsAsync(db, messageId, cancellationToken);
    }
}
