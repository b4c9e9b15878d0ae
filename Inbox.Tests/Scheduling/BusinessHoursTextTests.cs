using Inbox.Core.Scheduling;

namespace Inbox.Tests.Scheduling;

public class BusinessHoursTextTests
{
    [Theory]
    [InlineData("9-17")]
    [InlineData("18:00-09:00")]
    [InlineData("09:00-12:00, 11:00-14:00")]
    [InlineData("09:00-24:30")]
    public void TryParseDay_BadRange_SaysWhy(string text)
    {
        Assert.NotNull(BusinessHoursText.TryParseDay(text, out _));
    }

    [Fact]
    public void TryParseDay_TwoRanges_SortedRanges()
    {
        Assert.Null(BusinessHoursText.TryParseDay("13:00-18:00, 09:00-12:00", out var ranges));
        Assert.Equal([new OpeningRange(540, 720), new OpeningRange(780, 1080)], ranges);
    }

    [Fact]
    public void TryParseClosures_DayAndSpan_EveryDayClosed()
    {
        Assert.Null(BusinessHoursText.TryParseClosures("2026-12-25 Christmas\n2026-12-31..2027-01-01 New year", out var days));
        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)], days);
    }

    [Fact]
    public void Check_UnknownTimeZone_Refused()
    {
        var draft = BusinessHoursDraft.New(null);
        draft.TimeZone = "Mars/Olympus";
        Assert.Contains("time zone", draft.Check()?.ToString());
    }
}
