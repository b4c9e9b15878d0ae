namespace Inbox.Core.Conversations;

/// <summary>What each saved view of the inbox list means, and whom a new customer message should alert.</summary>
public static class InboxViews
{
    /// <summary>"Expiring" means the current reply window ends within this time.</summary>
    public static readonly TimeSpan ExpiringSoon = TimeSpan.FromHours(4);

    /// <summary>
    /// Narrows <paramref name="filter"/> (channel, team, search, sort) to <paramref name="view"/> for the agent
    /// <paramref name="agentId"/>. A status already set in the filter replaces the view's own status.
    /// </summary>
    public static ConversationFilter Apply(InboxView view, ConversationFilter filter, int? agentId)
    {
        var viewed = view switch
        {
            // No agent record behind this login: "Mine" is empty rather than everyone's.
            InboxView.Mine => filter with { Status = ConversationStatus.Open, AssigneeId = agentId ?? -1 },
            InboxView.Unassigned => filter with { Status = ConversationStatus.Open, Unassigned = true },
            InboxView.AllOpen => filter with { Status = ConversationStatus.Open },
            InboxView.Expiring => filter with { Status = ConversationStatus.Open, ExpiringWithin = ExpiringSoon },
            InboxView.Pending => filter with { Status = ConversationStatus.Pending },
            _ => filter with { Status = ConversationStatus.Resolved },
        };
        return filter.Status is { } status ? viewed with { Status = status } : viewed;
    }

    /// <summary>A new customer message alerts the agent it is assigned to, or every agent while nobody has it.</summary>
    public static bool Alerts(ConversationSummary conversation, int? agentId) =>
        conversation.AssigneeId is null || conversation.AssigneeId == agentId;
}
