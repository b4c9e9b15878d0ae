using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Inbox.E2E.PageObjects;

/// <summary>axe-core's WCAG 2.1 A/AA rules run on the page as it is now (open menus and dialogs included).</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },

        // Only violations are read: leaving out the passes' and incompletes' node details keeps each run short.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>The serious and critical violations, one line per rule with the elements it flagged; empty when none.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}")))];
    }
}
