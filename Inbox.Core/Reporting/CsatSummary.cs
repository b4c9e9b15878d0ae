namespace Inbox.Core.Reporting;

/// <summary>Satisfaction surveys over a range: how many went out, how many were answered, the average and the spread of scores (1–5).</summary>
public sealed record CsatSummary(int Sent, int Answered, double? ResponseRate, double? Average, IReadOnlyList<CsatScoreCount> Distribution)
{
    public const int MaxScore = 5;

    /// <summary>From one entry per survey sent: its score, or null while unanswered.</summary>
    public static CsatSummary Of(IReadOnlyCollection<int?> scores)
    {
        var answered = scores.OfType<int>().ToList();
        return new CsatSummary(
            scores.Count,
            answered.Count,
            scores.Count == 0 ? null : (double)answered.Count / scores.Count,
            answered.Count == 0 ? null : answered.Average(),
            Enumerable.Range(1, MaxScore).Select(s => new CsatScoreCount(s, answered.Count(a => a == s))).ToList());
    }
}
