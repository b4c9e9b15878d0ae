using Inbox.Core.Policy;

namespace Inbox.Core.Reporting;

/// <summary>Windows lost: a turn's standard window ended (before now) with no reply inside it.</summary>
public static class WindowsLost
{
    public static bool IsLost(ResponseRow row, DateTime now) =>
        row.WindowClosesAt is { } closes && closes <= now && (row.RespondedAt is not { } answered || answered >= closes);

    /// <summary>Rows per group (channel or agent name), worst first.</summary>
    public static IReadOnlyList<WindowsLostRow> By(IEnumerable<ResponseRow> rows, Func<ResponseRow, string> group, DateTime now) =>
        rows.Where(r => r.WindowClosesAt is not null)
            .GroupBy(group)
            .Select(g =>
            {
                var lost = g.Where(r => IsLost(r, now)).ToList();
                return new WindowsLostRow(
                    g.Key, g.Count(), lost.Count,
                    lost.Count(r => r.RespondedAt is not null && r.ResponseType == ReplyType.HumanAgentTag),
                    lost.Count(r => r.RespondedAt is not null && r.ResponseType == ReplyType.Template));
            })
            .OrderByDescending(r => r.Unsaved)
            .ThenBy(r => r.Group)
            .ToList();
}
