using Inbox.Core.Scheduling;

namespace Inbox.Tests.Scheduling;

public class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Paris, Monday to Friday 09:00–12:00 and 13:00–18:00 (a lunch break), closed at weekends and on the given days.</summary>
    private static BusinessCalendar Office(params DateOnly[] closed) => new(Paris, Week("09:00-12:00, 13:00-18:00", weekend: ""), closed);

    private static Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>> Week(string weekdays, string weekend)
    {
        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            Assert.Null(BusinessHoursText.TryParseDay(day is DayOfWeek.Saturday or DayOfWeek.Sunday ? weekend : weekdays, out var ranges));
            week[day] = ranges;
        }

        return week;
    }

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(11, 16, 8, 0, true)] // Monday 09:00 Paris (UTC+1): opening instant is open
    [InlineData(11, 16, 7, 59, false)] // 08:59 Paris
    [InlineData(11, 16, 11, 30, false)] // 12:30 Paris: lunch
    [InlineData(11, 16, 16, 59, true)] // 17:59 Paris
    [InlineData(11, 16, 17, 0, false)] // 18:00 Paris: closing instant is closed
    [InlineData(11, 21, 10, 0, false)] // Saturday
    public void IsOpen_WeekdaysWithLunchBreak_FollowsTheRanges(int month, int day, int hour, int minute, bool open)
    {
        Assert.Equal(open, Office().IsOpen(Utc(month, day, hour, minute)));
    }

    [Fact]
    public void IsOpen_ClosureDay_Closed()
    {
        Assert.False(Office(new DateOnly(2026, 11, 16)).IsOpen(Utc(11, 16, 9)));
    }

    [Fact]
    public void NextOpening_FridayEvening_MondayNineLocal()
    {
        Assert.Equal(Utc(11, 23, 8), Office().NextOpening(Utc(11, 20, 18)));
    }

    [Fact]
    public void NextOpening_DuringLunch_AfternoonOpening()
    {
        Assert.Equal(Utc(11, 16, 12), Office().NextOpening(Utc(11, 16, 11, 15)));
    }

    [Fact]
    public void NextOpening_WhenOpen_ReturnsTheInstantItself()
    {
        Assert.Equal(Utc(11, 16, 9), Office().NextOpening(Utc(11, 16, 9)));
    }

    [Fact]
    public void NextOpening_ClosureOnMonday_Tuesday()
    {
        Assert.Equal(Utc(11, 24, 8), Office(new DateOnly(2026, 11, 23)).NextOpening(Utc(11, 21, 12)));
    }

    [Fact]
    public void NextOpening_NoRangesAtAll_Null()
    {
        Assert.Null(new BusinessCalendar(Paris, Week("", "")).NextOpening(Utc(11, 16, 9)));
    }

    [Fact]
    public void NextOpening_AcrossSpringForward_NineLocalIsOneHourEarlierInUtc()
    {
        // Europe/Paris moves from UTC+1 to UTC+2 on Sunday 29 March 2026: Friday 09:00 is 08:00 UTC, Monday 09:00 is 07:00 UTC.
        Assert.Equal(Utc(3, 27, 8), Office().NextOpening(Utc(3, 27, 7)));
        Assert.Equal(Utc(3, 30, 7), Office().NextOpening(Utc(3, 27, 17)));
    }

    [Fact]
    public void NextOpening_AcrossFallBack_NineLocalIsOneHourLaterInUtc()
    {
        // Back to UTC+1 on Sunday 25 October 2026.
        Assert.Equal(Utc(10, 26, 8), Office().NextOpening(Utc(10, 23, 16)));
    }

    [Fact]
    public void NextOpening_OpeningInsideTheSpringGap_OpensWhenTheClocksHaveJumped()
    {
        // 02:30 does not exist in Paris on 29 March 2026; the opening moves to 03:00 local (01:00 UTC).
        var calendar = new BusinessCalendar(Paris, Week("", "02:30-05:00"));
        Assert.Equal(Utc(3, 29, 1), calendar.NextOpening(Utc(3, 28, 23)));
    }

    [Fact]
    public void BusinessMinutes_FridayAfternoonToMondayMorning_CountsOnlyOpenTime()
    {
        // Friday 16:00–18:00 Paris (2 h) + Monday 09:00–10:00 (1 h).
        Assert.Equal(180, Office().BusinessMinutes(Utc(11, 20, 15), Utc(11, 23, 9)));
    }

    [Fact]
    public void BusinessMinutes_OverLunch_LeavesTheBreakOut()
    {
        // 11:00–15:00 Paris: 11–12 and 13–15 are open, 12–13 is lunch.
        Assert.Equal(180, Office().BusinessMinutes(Utc(11, 16, 10), Utc(11, 16, 14)));
    }

    [Theory]
    [InlineData(3, 29, 23 * 60)] // spring forward: that Sunday has 23 hours
    [InlineData(10, 25, 25 * 60)] // fall back: 25 hours
    public void BusinessMinutes_AroundTheClockOnADstSunday_CountsTheRealHours(int month, int day, int minutes)
    {
        var calendar = new BusinessCalendar(Paris, Week("", "00:00-24:00"));
        var midnight = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, 0, 0, 0), Paris);
        var nextMidnight = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day + 1, 0, 0, 0), Paris);
        Assert.Equal(minutes, calendar.BusinessMinutes(midnight, nextMidnight));
    }

    [Fact]
    public void NextOpening_RangesMeetAtMidnight_AreOneOpening()
    {
        // Saturday 18:00–24:00 and Sunday 00:00–02:00: open straight through midnight.
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc, new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>
        {
            [DayOfWeek.Saturday] = [new OpeningRange(18 * 60, 24 * 60)],
            [DayOfWeek.Sunday] = [new OpeningRange(0, 120)],
        });
        Assert.True(calendar.IsOpen(Utc(11, 22, 0)));
        Assert.Equal(Utc(11, 28, 18), calendar.NextOpening(Utc(11, 22, 2)));
    }
}
