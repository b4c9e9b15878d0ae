using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;

namespace Inbox.Core.Routing;

/// <summary>
/// The one way an assignment is written, whoever makes it (an agent or supervisor by hand, an agent replying, a team
/// move, auto-assignment): the conversation's agent or team is set, and one activity entry records who acted, when,
/// and from whom to whom. The caller saves, in its own unit of work.
/// </summary>
public static class AssignmentLog
{
    /// <summary>Gives the conversation to <paramref name="agent"/>, or unassigns it when null; <paramref name="how"/> ends the entry ("on replying").</summary>
    public static ConversationActivity Agent(InboxDbContext db, Conversation conversation, string? before, Agent? agent, string actor, DateTime now, Phrase? how = null)
    {
        conversation.AssigneeId = agent?.Id;
        var detail = agent is null ? new Phrase("Unassigned from {0}", before ?? "")
            : before is null ? new Phrase("Assigned to {0}", agent.Name)
            : new Phrase("Reassigned from {0} to {1}", before, agent.Name);
        return Add(db, conversation, agent is null ? ActivityKind.Unassigned : ActivityKind.Assigned, actor, now, detail, how);
    }

    /// <summary>Hands the conversation to <paramref name="team"/>, or takes it from its team when null; the agent is left as it is.</summary>
    public static ConversationActivity Team(InboxDbContext db, Conversation conversation, string? before, Team? team, string actor, DateTime now, Phrase? how = null)
    {
        var moved = conversation.TeamId is not null && conversation.TeamId != team?.Id;
        conversation.TeamId = team?.Id;
        var detail = team is null ? new Phrase("Removed from team {0}", before ?? "")
            : moved ? new Phrase("Moved from team {0} to {1}", before ?? "", team.Name)
            : new Phrase("Assigned to team {0}", team.Name);
        return Add(db, conversation, ActivityKind.TeamAssigned, actor, now, detail, how);
    }

    private static ConversationActivity Add(InboxDbContext db, Conversation conversation, ActivityKind kind, string actor, DateTime now, Phrase detail, Phrase? how)
    {
        var entry = new ConversationActivity
        {
            ConversationId = conversation.Id,
            At = now,
            Kind = kind,
            Actor = actor,
            Detail = "",
        }.Saying(how is null ? detail : new Phrase("{0} {1}", detail, how));
        db.Activities.Add(entry);
        return entry;
    }
}
