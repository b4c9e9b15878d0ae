using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Reporting;

/// <summary>
/// Builds every fact from the stored messages in one pass: for a database that had messages before reporting
/// existed (an upgrade, seeded demo history, the benchmark). Afterwards the event handlers keep facts current.
/// </summary>
public sealed class ReportingBackfill(IDbContextFactory<InboxDbContext> contexts, IReportingCalendar calendar, ILogger<ReportingBackfill> logger)
{
    private const int BatchSize = 5_000;

    /// <summary>Rebuilds the facts when there are messages but no facts yet; returns whether it did.</summary>
    public async Task<bool> RunIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ResponseFact>().AnyAsync(cancellationToken) || !await db.Messages.AnyAsync(cancellationToken))
        {
            return false;
        }

        await RebuildAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes and rebuilds every response and send fact. Survey facts are not derived from messages and stay.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var read = await contexts.CreateDbContextAsync(cancellationToken);
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        write.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await write.Database.BeginTransactionAsync(cancellationToken);
        await write.Set<ResponseFact>().ExecuteDeleteAsync(cancellationToken);
        await write.Set<SendFact>().ExecuteDeleteAsync(cancellationToken);
        var sends = 0;
        await foreach (var send in ResponseFactsUpdater.SendFacts(read, read.Messages.AsNoTracking()).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            write.Set<SendFact>().Add(send);
            if (++sends % BatchSize == 0)
            {
                await FlushAsync(write, cancellationToken);
            }
        }

        await FlushAsync(write, cancellationToken);
        var (turns, pending) = (0, 0);
        await foreach (var timeline in TimelineLoader.StreamAllAsync(read, cancellationToken))
        {
            var facts = TurnBuilder.Build(timeline, calendar);
            write.Set<ResponseFact>().AddRange(facts);
            pending += facts.Count;
            if (pending >= BatchSize)
            {
                turns += await FlushAsync(write, cancellationToken);
                pending = 0;
            }
        }

        turns += await FlushAsync(write, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Reporting facts rebuilt: {Turns} customer turns, {Sends} sent messages", turns, sends);
        return turns;
    }

    private static async Task<int> FlushAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var saved = await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return saved;
    }
}
