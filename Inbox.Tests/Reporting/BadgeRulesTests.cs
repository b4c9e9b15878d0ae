using Inbox.Core.Reporting;

namespace Inbox.Tests.Reporting;

public class BadgeRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>One counted message a day, the latest an hour ago, answered after these many minutes (null: never).</summary>
    private static List<CountedMessage> Daily(params double?[] minutes) => minutes
        .Select((m, i) => new CountedMessage(100 + i, Now.AddHours(-1).AddDays(i - minutes.Length + 1), m is { } v ? (int)(v * 60) : null))
        .ToList();

    [Fact]
    public void Estimate_FastestNinetyPercent_DropsTheSlowestTenth()
    {
        var estimate = BadgeRules.Estimate(1, "Page", Daily(2, 4, 4, 4, 4, 4, 4, 4, 6, 300), Now);

        // Fastest 9 of 10: (2 + 7 × 4 + 6) / 9 = 4 min; the 300-min reply is trimmed. Median of all 10: 4 min.
        Assert.Equal(4, estimate.Last30Days.MeanFastest90Minutes!.Value, 6);
        Assert.Equal(4, estimate.Last30Days.MedianMinutes!.Value, 6);
        Assert.Equal(1.0, estimate.Last30Days.ResponseRate);
    }

    [Fact]
    public void Estimate_SlowRepliesBeyondTheTenth_PullTheMeanButNotTheMedian()
    {
        var estimate = BadgeRules.Estimate(1, "Page", Daily(1, 1, 1, 1, 1, 1, 1, 90, 90, 90), Now);

        Assert.Equal((7 + 90 + 90) / 9.0, estimate.Last30Days.MeanFastest90Minutes!.Value, 6);
        Assert.Equal(1, estimate.Last30Days.MedianMinutes!.Value, 6);
        Assert.False(estimate.Last30Days.MeetsWithMean);
        Assert.True(estimate.Last30Days.MeetsWithMedian);
        Assert.Equal(BadgeVerdict.AtRisk, estimate.Verdict);
    }

    [Fact]
    public void Span_FewerThanTenInTheSpan_UsesTheLastTen()
    {
        // 12 counted messages, one every 5 days: the 30 days before the latest hold only 6.
        var counted = Enumerable.Range(0, 12).Select(i => new CountedMessage(i, Now.AddDays(-5 * (11 - i)), 60)).ToList();

        var span = BadgeRules.Span(counted, 30, out var used);

        Assert.True(span.UsedLastTen);
        Assert.Equal(10, span.Counted);
        Assert.Equal(counted[2].ReceivedAt, span.From);
        Assert.Equal(10, used.Count);
    }

    [Fact]
    public void Span_TenOrMoreInTheSpan_UsesTheSpan()
    {
        // Two counted messages a day for 20 days: 14 fall in the 7 days before the latest.
        var counted = Enumerable.Range(0, 40).Select(i => new CountedMessage(i, Now.AddHours(-12 * (39 - i)), 180)).ToList();

        var span = BadgeRules.Span(counted, 7, out _);

        Assert.False(span.UsedLastTen);
        Assert.Equal(14, span.Counted);
    }

    [Fact]
    public void Span_IsAnchoredAtTheLatestCountedMessageNotNow()
    {
        // A quiet Page: its latest counted message was 20 days ago; the 7 days before that still count.
        var counted = Enumerable.Range(0, 12).Select(i => new CountedMessage(i, Now.AddDays(-20 - (i * 0.5)), 60)).OrderBy(m => m.ReceivedAt).ToList();

        var span = BadgeRules.Span(counted, 7, out _);

        Assert.Equal(Now.AddDays(-20), span.To);
        Assert.Equal(12, span.Counted);
    }

    [Fact]
    public void Estimate_ExcludedMessages_NeitherCountedNorUnanswered()
    {
        var messages = Daily(5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        messages.Add(new CountedMessage(7, Now.AddMinutes(-30), null, BadgeExclusion.Away));
        messages.Add(new CountedMessage(8, Now.AddMinutes(-20), null, BadgeExclusion.Done));

        var estimate = BadgeRules.Estimate(1, "Page", messages, Now);

        Assert.Equal(1.0, estimate.Last30Days.ResponseRate);
        Assert.Equal(2, estimate.Excluded);
        Assert.Equal(BadgeVerdict.Yes, estimate.Verdict);
        Assert.Empty(estimate.Offenders);
    }

    [Fact]
    public void Estimate_TwoUnansweredOfTen_RateTooLowVerdictNo()
    {
        var estimate = BadgeRules.Estimate(1, "Page", Daily(null, 2, 2, 2, null, 2, 2, 2, 2, 2), Now);

        Assert.Equal(0.8, estimate.Last7Days.ResponseRate!.Value, 6);
        Assert.True(estimate.Last7Days.UsedLastTen);
        Assert.Equal(BadgeVerdict.No, estimate.Verdict);
    }

    [Fact]
    public void Estimate_Offenders_UnansweredFirstThenSlowest()
    {
        var estimate = BadgeRules.Estimate(1, "Page", Daily(2, 40, 2, null, 2, 2, 90, 2, 2, 2), Now);

        Assert.Equal([103, 106, 101], estimate.Offenders.Select(o => o.ConversationId));
        Assert.Null(estimate.Offenders[0].ResponseSeconds);
    }

    [Fact]
    public void Estimate_NoCountedMessages_VerdictNoWithoutFigures()
    {
        var estimate = BadgeRules.Estimate(1, "Page", [], Now);

        Assert.Equal(0, estimate.Last7Days.Counted);
        Assert.Null(estimate.Last7Days.ResponseRate);
        Assert.Equal(BadgeVerdict.No, estimate.Verdict);
    }

    [Fact]
    public void Estimate_MessagesAfterNow_AreIgnored()
    {
        var messages = Daily(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        messages.Add(new CountedMessage(9, Now.AddHours(2), null));

        Assert.Equal(1.0, BadgeRules.Estimate(1, "Page", messages, Now).Last30Days.ResponseRate);
    }
}
