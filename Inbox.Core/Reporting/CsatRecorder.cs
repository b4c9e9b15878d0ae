using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Reporting;

/// <summary>
/// Where the survey feature records what reporting reads: a survey sent after a conversation, and the customer's
/// score when it comes. Reporting sends no surveys itself.
/// </summary>
public sealed class CsatRecorder(IDbContextFactory<InboxDbContext> contexts)
{
    /// <summary>A survey went out in <paramref name="conversationId"/> at <paramref name="sentAt"/>; attributed to its channel, team and assignee now.</summary>
    public async Task SurveySentAsync(int conversationId, DateTime sentAt, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, cancellationToken);
        db.Set<CsatFact>().Add(new CsatFact
        {
            ConversationId = conversationId, ChannelId = conversation.ChannelId, TeamId = conversation.TeamId,
            AgentId = conversation.AssigneeId, SentAt = sentAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The customer answered the latest unanswered survey of the conversation; returns false when none was waiting.</summary>
    public async Task<bool> AnsweredAsync(int conversationId, int score, DateTime answeredAt, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, CsatSummary.MaxScore);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var survey = await db.Set<CsatFact>().Where(f => f.ConversationId == conversationId && f.Score == null)
            .OrderByDescending(f => f.SentAt).FirstOrDefaultAsync(cancellationToken);
        if (survey is null)
        {
            return false;
        }

        (survey.Score, survey.AnsweredAt) = (score, answeredAt);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
