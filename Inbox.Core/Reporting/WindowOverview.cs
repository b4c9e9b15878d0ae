using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Core.Reporting;

/// <summary>Counts open conversations by window urgency, per channel and per agent, for supervisors.</summary>
public static class WindowOverview
{
    public static IReadOnlyList<WindowOverviewRow> ByChannel(IEnumerable<ConversationSummary> conversations, DateTime now) =>
        Group(conversations, c => c.ChannelName, now);

    public static IReadOnlyList<WindowOverviewRow> ByAgent(IEnumerable<ConversationSummary> conversations, DateTime now) =>
        Group(conversations, c => c.AssigneeName ?? "Unassigned", now);

    private static List<WindowOverviewRow> Group(IEnumerable<ConversationSummary> conversations, Func<ConversationSummary, string> key, DateTime now) =>
        conversations
            .Select(c => (Key: key(c), Decision: ReplyPolicy.Evaluate(c.Facts, now)))
            .GroupBy(x => x.Key)
            .Select(g => new WindowOverviewRow(
                g.Key,
                g.Count(),
                g.Count(x => x.Decision.Deadline is { } d && d - now < TimeSpan.FromHours(1)),
                g.Count(x => x.Decision.Deadline is { } d && d - now < TimeSpan.FromHours(4)),
                g.Count(x => x.Decision.State == WindowState.HumanAgent),
                g.Count(x => x.Decision.State == WindowState.TemplateOnly),
                g.Count(x => x.Decision.State == WindowState.Closed)))
            .OrderByDescending(r => r.ExpiringWithin4Hours)
            .ThenBy(r => r.Group)
            .ToList();
}
