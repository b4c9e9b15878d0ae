using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Scheduling;

/// <summary>
/// The optional follow-up for pending conversations (docs/platform-rules.md §8): before the standard window closes, ask the customer
/// the admin's question, so their answer reopens the window while another department works on it.
/// </summary>
public sealed class PendingFollowUps(
    IDbContextFactory<InboxDbContext> contexts, AutomationScheduler scheduler, BusinessHoursAdmin admin, ConversationCommands commands,
    IOptions<AutomationOptions> options, TimeProvider time)
{
    /// <summary>The status changed (or the customer wrote): schedule on pending when switched on, cancel otherwise.</summary>
    public async Task FollowStatusAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        Conversation? conversation;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            conversation = await AutomationLog.LoadAsync(db, conversationId, cancellationToken);
        }

        await scheduler.ApplyAsync([Follow(conversationId, conversation, await admin.SettingsAsync(cancellationToken))], cancellationToken);
    }

    /// <summary>What the follow-up becomes for the conversation as it is now.</summary>
    public AutomationChange Follow(int conversationId, Conversation? conversation, AutomationSettings settings)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var closes = conversation is null ? null : ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), now, SenderKind.Automation).For(ReplyType.FreeForm) is { Allowed: true } free ? free.ExpiresAt : null;
        if (conversation is { Status: ConversationStatus.Pending, Kind: ConversationKind.Direct } && closes is { } end && settings.PendingFollowUpEnabled)
        {
            var due = end - options.Value.PendingFollowUpBefore;
            return AutomationChange.Schedule(conversationId, AutomationKind.PendingFollowUp, due > now ? due : now);
        }

        return AutomationChange.Cancel(conversationId, AutomationKind.PendingFollowUp, "The conversation is no longer pending.");
    }

    /// <summary>The follow-up came due: sends the admin's question if still pending and a free-form reply is allowed.</summary>
    public async Task<AutomationOutcome> SendAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        var settings = await admin.SettingsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await AutomationLog.LoadAsync(db, conversationId, cancellationToken);
        if (conversation is not { Status: ConversationStatus.Pending })
        {
            return AutomationOutcome.Skipped("The conversation is no longer pending.");
        }

        if (!settings.PendingFollowUpEnabled || string.IsNullOrWhiteSpace(settings.PendingFollowUpText))
        {
            return AutomationOutcome.Skipped("The pending follow-up was switched off.");
        }

        var result = await commands.QueueReplyAsync(conversationId, new ReplyRequest(Languages.Choose(conversation.Contact?.Language, settings.PendingFollowUpText, settings.PendingFollowUpTexts), ReplyType.FreeForm), SenderKind.Automation, null, cancellationToken);
        var detail = result.Status == CommandStatus.Done
            ? new Phrase("Pending follow-up question sent.")
            : new Phrase("Pending follow-up not sent: {0}", result.Problem!);
        await AutomationLog.WriteAsync(contexts, conversationId, detail, time.GetUtcNow().UtcDateTime, cancellationToken);
        return result.Status == CommandStatus.Done ? AutomationOutcome.Done(detail.ToString()) : AutomationOutcome.Skipped(detail.ToString());
    }
}
