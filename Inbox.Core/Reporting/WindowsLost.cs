namespace Inbox.Core.Reporting;

/// <summary>
/// Windows lost: a turn's standard window ended (before now) with no reply inside it; saved when the first reply,
/// after the window, was a HUMAN_AGENT-tagged one or a template. SQL counts them per channel and agent
/// (<see cref="FactQueries.WindowsLostAsync"/>); this adds the counts up per row of a table.
/// </summary>
public static class WindowsLost
{
    /// <summary>Rows per group (channel or agent name), worst first.</summary>
    public static IReadOnlyList<WindowsLostRow> By(IEnumerable<WindowsLostCount> counts, Func<WindowsLostCount, string> group) =>
        counts.GroupBy(group)
            .Select(g => new WindowsLostRow(g.Key, g.Sum(c => c.WithWindow), g.Sum(c => c.Lost), g.Sum(c => c.SavedByHumanAgent), g.Sum(c => c.SavedByTemplate)))
            .OrderByDescending(r => r.Unsaved)
            .ThenBy(r => r.Group)
            .ToList();
}
