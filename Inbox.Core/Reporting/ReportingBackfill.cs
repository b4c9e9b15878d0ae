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

    /// <summary>
    /// Deletes and rebuilds every response and send fact, and the roll-up from them. Survey facts are not derived from
    /// messages and stay. The roll-up's triggers are off meanwhile and the roll-up is summed once at the end, in the
    /// same transaction: adding hundreds of thousands of facts one trigger at a time would take several times longer.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var read = await contexts.CreateDbContextAsync(cancellationToken);
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await write.Database.BeginTransactionAsync(cancellationToken);
        var postgres = write.Database.IsNpgsql();
        await write.Database.ExecuteSqlRawAsync(RollupSql.DropTriggers(postgres), cancellationToken);
        await write.Set<ResponseFact>().ExecuteDeleteAsync(cancellationToken);
        await write.Set<SendFact>().ExecuteDeleteAsync(cancellationToken);
        var sends = await FactWriter.InsertSendsAsync(write, null, cancellationToken);
        var turns = 0;
        await foreach (var timeline in TimelineLoader.StreamAllAsync(read, cancellationToken))
        {
            var facts = TurnBuilder.Build(timeline, calendar);
            await FactWriter.InsertTurnsAsync(write, facts, cancellationToken);
            turns += facts.Count;
        }

        await write.Database.ExecuteSqlRawAsync(RollupSql.Backfill(postgres), cancellationToken);
        await write.Database.ExecuteSqlRawAsync(RollupSql.CreateTriggers(postgres), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Reporting facts rebuilt: {Turns} customer turns, {Sends} sent messages", turns, sends);
        return turns;
    }
}
