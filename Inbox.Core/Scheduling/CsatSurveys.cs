using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Inbox.Core.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Scheduling;

/// <summary>The CSAT question after resolving: scheduled on resolve, cancelled on reopening, sent only if a reply type allows it then.</summary>
public sealed class CsatSurveys(
    IDbContextFactory<InboxDbContext> contexts,
    AutomationScheduler scheduler,
    ConversationCommands commands,
    Reporting.CsatRecorder csatFacts,
    BusinessHoursAdmin admin,
    IOptions<AutomationOptions> options,
    TimeProvider time)
{
    /// <summary>The conversation's status changed (or the customer wrote): schedule the survey on resolve, cancel it otherwise.</summary>
    public async Task FollowStatusAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (Follow(conversationId, conversation) is { } change)
        {
            await scheduler.ApplyAsync([change], cancellationToken);
        }
    }

    /// <summary>What the survey becomes for the conversation as it is now (nothing for a deleted one).</summary>
    public AutomationChange? Follow(int conversationId, Conversation? conversation) => conversation switch
    {
        { Status: ConversationStatus.Resolved, CsatAskedAt: null, Kind: ConversationKind.Direct } =>
            AutomationChange.Schedule(conversationId, AutomationKind.CsatSurvey, time.GetUtcNow().UtcDateTime + options.Value.CsatDelay),
        { Status: ConversationStatus.Resolved } => null,
        _ => AutomationChange.Cancel(conversationId, AutomationKind.CsatSurvey, "The conversation was reopened."),
    };

    /// <summary>The survey came due: asks if still resolved and not asked, with a reply type allowed now; otherwise logs why not.</summary>
    public async Task<AutomationOutcome> AskAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        Conversation? conversation;
        bool templateRegistered;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            conversation = await AutomationLog.LoadAsync(db, conversationId, cancellationToken);
            if (conversation is not { Status: ConversationStatus.Resolved, CsatAskedAt: null })
            {
                return AutomationOutcome.Skipped("The conversation is no longer resolved, or was already surveyed.");
            }

            templateRegistered = await TemplateRegistry.FindAsync(db, conversation.ChannelId, settings.CsatTemplateName, settings.CsatTemplateLanguage, cancellationToken) is not null;
        }

        var decision = ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), now, SenderKind.Automation);
        var question = Languages.Choose(conversation.Contact?.Language, settings.CsatQuestion, (await admin.SettingsAsync(cancellationToken)).CsatQuestions);
        var (request, skip) = CsatRule.Choose(conversation.Channel!.Kind, conversation.Kind, decision, settings, templateRegistered, question);
        if (request is not null)
        {
            var result = await commands.QueueReplyAsync(conversationId, request, SenderKind.Automation, agentId: null, cancellationToken);
            skip = result.Status == CommandStatus.Done ? null : result.Problem;
        }

        if (skip is not null)
        {
            await AutomationLog.WriteAsync(contexts, conversationId, new Phrase("CSAT survey not sent: {0}", skip), now, cancellationToken);
            return AutomationOutcome.Skipped(skip.ToString());
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CsatAskedAt, now), cancellationToken);
        }

        await csatFacts.SurveySentAsync(conversationId, now, cancellationToken);

        var sent = request!.Template is null
            ? new Phrase("CSAT survey sent as a free-form question.")
            : new Phrase("CSAT survey sent with the template {0}.", request.Template.Name);
        await AutomationLog.WriteAsync(contexts, conversationId, sent, now, cancellationToken);
        return AutomationOutcome.Done(sent.ToString());
    }
}
