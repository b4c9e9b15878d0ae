using Inbox.Core.Policy;
using Inbox.Core.Replies;
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
        HistogramRow[] rows = [new(null, true, 120, 3), new(null, false, 600, 1), new(null, false, null, 2), new(null, true, null, 1)];

        var times = ResponseTimes.Of(rows, business: null);

        Assert.Equal((3, 1), (times.First.Answered, times.First.Unanswered));
        Assert.Equal((1, 2), (times.Next.Answered, times.Next.Unanswered));
        Assert.Equal(2, times.First.P50Minutes);
        Assert.Null(times.FirstBusiness);
    }

    [Fact]
    public void Of_Histogram_SameAsTheExpandedValues()
    {
        int[] values = [5, 5, 5, 9, 20, 20, 100];

        var weighted = Percentiles.Of(values.GroupBy(v => v).Select(g => (g.Key, g.Count())).ToList(), 0.9);

        Assert.Equal(Percentiles.Of(values, 0.9), weighted);
        Assert.Equal(52, weighted!.Value, 6);
    }

    [Fact]
    public void By_CountsOfOneGroup_AddUpAndSortWorstFirst()
    {
        WindowsLostCount[] counts = [new(1, 3, 10, 4, 1, 1), new(1, 4, 5, 1, 0, 0), new(2, 3, 8, 0, 0, 0)];

        var rows = WindowsLost.By(counts, c => $"Channel {c.ChannelId}");

        Assert.Equal([new WindowsLostRow("Channel 1", 15, 5, 1, 1), new WindowsLostRow("Channel 2", 8, 0, 0, 0)], rows);
        Assert.Equal(3, rows[0].Unsaved);
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
    public void InferBilled_ServiceRepliesBilledOnlyFromOctober2026()
    {
        Assert.False(WhatsAppPricing.InferBilled(ReplyType.FreeForm, "2026-09"));
        Assert.True(WhatsAppPricing.InferBilled(ReplyType.FreeForm, "2026-10"));
        Assert.True(WhatsAppPricing.InferBilled(ReplyType.Template, "2026-09"));
    }

    [Theory]
    [InlineData("utility", ReplyType.Template, TemplateCategory.Marketing, WhatsAppBucket.Utility)]
    [InlineData("service", ReplyType.FreeForm, null, WhatsAppBucket.Service)]
    [InlineData("authentication_international", ReplyType.Template, null, WhatsAppBucket.Authentication)]
    [InlineData(null, ReplyType.Template, TemplateCategory.Marketing, WhatsAppBucket.Marketing)]
    [InlineData(null, ReplyType.Template, null, WhatsAppBucket.OtherTemplate)]
    [InlineData(null, ReplyType.FreeForm, null, WhatsAppBucket.Service)]
    public void Bucket_MetasCategoryFirstThenTheRegisteredOne(string? meta, ReplyType replyType, TemplateCategory? registered, WhatsAppBucket expected) =>
        Assert.Equal(expected, WhatsAppPricing.Bucket(meta, replyType, registered));

    [Fact]
    public void Of_SurveysWithAndWithoutAnswers_AverageDistributionAndRate()
    {
        var summary = CsatSummary.Of([5, 4, null, 1, null]);

        Assert.Equal(0.6, summary.ResponseRate!.Value, 6);
        Assert.Equal(10 / 3.0, summary.Average!.Value, 6);
        Assert.Equal([1, 0, 0, 1, 1], summary.Distribution.Select(d => d.Count));
    }
}
