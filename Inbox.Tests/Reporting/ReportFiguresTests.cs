using Inbox.Core.Policy;
using Inbox.Core.Reporting;

namespace Inbox.Tests.Reporting;

public class ReportFiguresTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Of_KnownTimes_FillsBucketsAndPercentiles()
    {
        int[] seconds = [60, 299, 300, 899, 3599, 3600, 86399, 86400, 90000, 120];

        var distribution = TimeDistribution.Of(seconds, unanswered: 2);

        Assert.Equal([3, 2, 1, 1, 1, 2], distribution.Buckets.Select(b => b.Count));
        Assert.Equal(10, distribution.Answered);
        Assert.Equal(2, distribution.Unanswered);
        Assert.Equal((899 + 3599) / 2.0 / 60, distribution.P50Minutes!.Value, 6);
        Assert.Equal((86400 + (0.1 * (90000 - 86400))) / 60, distribution.P90Minutes!.Value, 6);
    }

    [Fact]
    public void Of_FirstAndNextTurns_SplitIntoTwoDistributions()
    {
        var rows = new[] { Row(true, 120), Row(false, 600), Row(false, null), Row(true, null) };

        var times = ResponseTimes.Of(rows, businessHours: false);

        Assert.Equal((1, 1), (times.First.Answered, times.First.Unanswered));
        Assert.Equal((1, 1), (times.Next.Answered, times.Next.Unanswered));
        Assert.Null(times.FirstBusiness);
    }

    [Fact]
    public void By_WindowClosedUnansweredOrAnsweredLate_CountsLostAndSaves()
    {
        var closes = Now.AddHours(-2);
        ResponseRow[] rows =
        [
            Row(true, 60, closes, respondedAt: closes.AddHours(-20)),
            Row(true, null, closes),
            Row(true, 90000, closes, respondedAt: closes.AddHours(1), type: ReplyType.HumanAgentTag),
            Row(true, 90000, closes, respondedAt: closes.AddHours(1), type: ReplyType.Template),
            Row(true, null, Now.AddHours(3)),
        ];

        var row = Assert.Single(WindowsLost.By(rows, _ => "Page", Now));

        Assert.Equal(new WindowsLostRow("Page", 5, 3, 1, 1), row);
        Assert.Equal(1, row.Unsaved);
    }

    [Fact]
    public void Heatmap_HoursInTheReportingZone_LandOnTheLocalWeekdayAndHour()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        // Sunday 20:00 UTC is Monday 05:00 in Tokyo.
        var cells = VolumeAndBacklog.Heatmap([new HourlyCount("2026-11-15 20", 4)], tokyo);

        Assert.Equal(168, cells.Count);
        Assert.Equal(new VolumeCell(DayOfWeek.Monday, 5, 4), cells.Single(c => c.Count > 0));
    }

    [Fact]
    public void Backlog_ReceivedMinusEnded_AccumulatesFromTheStart()
    {
        var points = VolumeAndBacklog.Backlog(
            2,
            [new HourlyCount("2026-11-01 09", 3), new HourlyCount("2026-11-02 10", 1)],
            [new HourlyCount("2026-11-01 15", 4)],
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3), TimeZoneInfo.Utc);

        Assert.Equal([1, 2, 2], points.Select(p => p.Waiting));
    }

    [Fact]
    public void Forecast_HalfTheMonthGone_DoublesTheUsage()
    {
        Assert.Equal(300, LineQuotaRow.Forecast(150, new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc)));
        Assert.True(new LineQuotaRow("LINE", 200, 150, Now, 300).RunsOut);
    }

    [Fact]
    public void Billable_ServiceRepliesBilledOnlyFromOctober2026()
    {
        Assert.Equal(3, new WhatsAppSendsRow("WA", "2026-09", 1, 2, 0, 0, 10).Billable);
        Assert.Equal(13, new WhatsAppSendsRow("WA", "2026-10", 1, 2, 0, 0, 10).Billable);
    }

    [Fact]
    public void Of_SurveysWithAndWithoutAnswers_AverageDistributionAndRate()
    {
        var summary = CsatSummary.Of([5, 4, null, 1, null]);

        Assert.Equal(0.6, summary.ResponseRate!.Value, 6);
        Assert.Equal(10 / 3.0, summary.Average!.Value, 6);
        Assert.Equal([1, 0, 0, 1, 1], summary.Distribution.Select(d => d.Count));
    }

    private static ResponseRow Row(bool first, int? seconds, DateTime? closes = null, DateTime? respondedAt = null, ReplyType? type = null) =>
        new(Now.AddDays(-2), 1, null, 3, first, seconds, null, respondedAt ?? (seconds is null ? null : Now.AddDays(-2).AddSeconds(seconds.Value)), type, closes);
}
