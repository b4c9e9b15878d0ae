namespace Inbox.Core.Reporting;

/// <summary>
/// An estimate of Facebook's "Very responsive to messages" badge for one Messenger channel. Meta's own figure is not
/// available to us and its published rules disagree (mean or median, 7 or 30 days), so every reading is shown.
/// </summary>
/// <param name="Excluded">Counted messages left out: received while away, conversations marked done unanswered, spam.</param>
/// <param name="Offenders">The conversations that hurt the figures most: unanswered first, then the slowest replies.</param>
public sealed record BadgeEstimate(
    int ChannelId, string ChannelName, BadgeSpan Last7Days, BadgeSpan Last30Days, int Excluded, BadgeVerdict Verdict,
    IReadOnlyList<BadgeOffender> Offenders);
