using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Core.Scheduling;

/// <summary>When the window-closing reminders are due, and whether one is still owed when it fires. Pure.</summary>
public static class WindowReminderRule
{
    /// <summary>
    /// The reminders a customer message calls for: the first at <see cref="AutomationOptions.ReminderAfter"/> after it
    /// (Messenger, Instagram, WhatsApp direct threads: the platforms with a window), the second before the HUMAN_AGENT
    /// window ends where that window exists (Messenger/Instagram with Human Agent approval). A reminder whose time has
    /// passed while its window is still open (the message was processed late: a backlog, an outage, a redelivery) is
    /// due at once: the window it warns about is still closing, and skipping it would leave nobody warned.
    /// </summary>
    public static IReadOnlyList<(AutomationKind Kind, DateTime Due)> Plan(ConversationFacts facts, AutomationOptions options, DateTime now)
    {
        if (facts.Kind != ConversationKind.Direct || facts.Channel == ChannelKind.Line || facts.LastInboundAt is not { } last)
        {
            return [];
        }

        var decision = ReplyPolicy.Evaluate(facts, now);
        var plan = new List<(AutomationKind, DateTime)>();
        var first = last + options.ReminderAfter;
        if (decision.StandardClosesAt is { } closes && first < closes && closes > now)
        {
            plan.Add((AutomationKind.WindowReminder, Max(first, now)));
        }

        if (facts.HumanAgentApproved && decision.HumanAgentClosesAt is { } humanCloses && humanCloses > decision.StandardClosesAt)
        {
            var second = humanCloses - options.HumanAgentReminderBefore;
            if (humanCloses > now && second > first)
            {
                plan.Add((AutomationKind.HumanAgentReminder, Max(second, now)));
            }
        }

        return plan;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Why the reminder is no longer owed at <paramref name="now"/>, or null when it is (and the window it is about closes at <paramref name="closesAt"/>).</summary>
    public static string? WhyNot(AutomationKind kind, ConversationFacts facts, ConversationStatus status, bool answered, DateTime now, out DateTime? closesAt)
    {
        var decision = ReplyPolicy.Evaluate(facts, now);
        closesAt = kind == AutomationKind.HumanAgentReminder ? decision.HumanAgentClosesAt : decision.StandardClosesAt;
        if (status == ConversationStatus.Resolved)
        {
            return "The conversation was resolved.";
        }

        if (answered)
        {
            return "An agent answered.";
        }

        if (closesAt is not { } end || end <= now)
        {
            return "The window already closed.";
        }

        return kind == AutomationKind.HumanAgentReminder && decision.State != WindowState.HumanAgent
            ? "The HUMAN_AGENT window is not the one open now."
            : null;
    }
}
