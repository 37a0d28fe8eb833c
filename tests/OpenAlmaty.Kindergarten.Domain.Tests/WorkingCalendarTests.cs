using System.Globalization;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// Against the calendar the portal seeds (src/…Web/Data/Seed/working-calendar.csv).
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = CalendarCsv.SeedCalendar();

    [Fact]
    public void SeedFile_QuotedFieldsWithCommas_AreReadAsOneField()
    {
        var christmas = CalendarCsv.SeedDays.Single(d => d.Date == new DateOnly(2024, 1, 7));

        Assert.Equal(CalendarDayKind.Holiday, christmas.Kind);
        Assert.Equal("Православное Рождество (вс, без переноса)", christmas.Name);
        Assert.Equal("ТК РК ст.84 п.5: выходной день, без переноса", christmas.Source);
        Assert.Equal(80, CalendarCsv.SeedDays.Count);
    }

    [Theory]
    [InlineData(2024, 249)]
    [InlineData(2025, 246)]
    [InlineData(2026, 247)]
    [InlineData(2027, 247)]
    public void WorkingDaysIn_Year_MatchesTheOfficialCount(int year, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysIn(year));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void IsWorkingDay_Nauryz_TwentyFirstToTwentyThirdMarchAreOff(int year)
    {
        var nauryz = Enumerable.Range(21, 3).Select(d => new DateOnly(year, 3, d));

        Assert.All(nauryz, d => Assert.False(Calendar.IsWorkingDay(d), $"{d} should be a day off"));
    }

    [Theory]
    // 2024: Nauryz on Saturday 23 March, so Monday 25 March is off and Tuesday works.
    [InlineData("2024-03-25", false)]
    [InlineData("2024-03-26", true)]
    // 2025: Saturday 22 and Sunday 23 March move to Monday 24 and Tuesday 25.
    [InlineData("2025-03-24", false)]
    [InlineData("2025-03-25", false)]
    [InlineData("2025-03-26", true)]
    // 2026: Saturday 21 and Sunday 22 March move to Tuesday 24 and Wednesday 25.
    [InlineData("2026-03-24", false)]
    [InlineData("2026-03-25", false)]
    [InlineData("2026-03-26", true)]
    // 2027: Sunday 21 March moves to Wednesday 24.
    [InlineData("2027-03-24", false)]
    [InlineData("2027-03-25", true)]
    public void IsWorkingDay_AfterAWeekendNauryz_TheTransferredDayIsOff(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData("2024-05-01", false)]
    [InlineData("2024-05-04", true)]  // Saturday worked by transfer order…
    [InlineData("2024-05-07", false)]
    [InlineData("2024-05-08", false)] // …so Wednesday 8 May, between two holidays, is off
    [InlineData("2024-05-09", false)]
    [InlineData("2024-05-10", true)]
    [InlineData("2025-05-01", false)]
    [InlineData("2025-05-02", true)]
    [InlineData("2025-05-07", false)]
    [InlineData("2025-05-08", true)]
    [InlineData("2025-05-09", false)]
    [InlineData("2026-05-08", true)]
    [InlineData("2026-05-11", false)] // Victory Day on Saturday 9 May 2026 moves to Monday
    [InlineData("2027-05-03", false)] // 1 May 2027 is a Saturday
    [InlineData("2027-05-10", false)] // 9 May 2027 is a Sunday
    public void IsWorkingDay_MayHolidays_FollowTheLawAndTransferOrders(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData("2024-05-04")] // Saturday
    [InlineData("2025-01-05")] // Sunday, its rest moved to Friday 3 January
    public void IsWorkingDay_WeekendMadeWorkingByTransferOrder_IsWorking(string date)
    {
        Assert.True(Calendar.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData("2026-03-28", false)] // an ordinary Saturday
    [InlineData("2026-03-29", false)] // an ordinary Sunday
    [InlineData("2026-03-18", true)]  // an ordinary Wednesday
    [InlineData("2025-01-03", false)] // a Friday made a day off
    public void IsWorkingDay_OrdinaryAndTransferredDays_AreWhatTheyAre(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(Day(date)));
    }

    [Theory]
    // 31.12.2025 Wed → 1-2 Jan holidays (Thu, Fri), 3-4 weekend, 5 Mon, 6 Tue, 7 Wed Christmas, 8 Thu.
    [InlineData("2025-12-31", 1, "2026-01-05")]
    [InlineData("2025-12-31", 2, "2026-01-06")]
    [InlineData("2025-12-31", 3, "2026-01-08")]
    // 31.12.2026 Thu → 1 Jan Fri, 2 Jan Sat (moved to Monday 4 Jan), 5 Tue, 6 Wed, 7 Thu Christmas, 8 Fri.
    [InlineData("2026-12-31", 1, "2027-01-05")]
    [InlineData("2026-12-31", 3, "2027-01-08")]
    // 7 January 2024 was a Sunday and is never moved: Monday 8 January works. (Counting from
    // December 2023 is refused now: the calendar has no 2023 data — CalendarCoverageTests.)
    [InlineData("2024-01-05", 1, "2024-01-08")]
    public void NthWorkingDayAfter_YearEnd_SkipsNewYearAndChristmas(string from, int n, string expected)
    {
        Assert.Equal(Day(expected), Calendar.NthWorkingDayAfter(Day(from), n));
    }

    [Theory]
    // Friday 20 March 2026. The CSV: 21 Sat and 22 Sun Nauryz, 23 Mon Nauryz, 24 Tue and 25 Wed
    // days off (moved from 21 and 22). Working days after: 26 Thu (1), 27 Fri (2), 30 Mon (3),
    // 31 Tue (4), 1 Apr Wed (5), 2 Thu (6), 3 Fri (7), 6 Mon (8), 7 Tue (9), 8 Wed (10).
    [InlineData(5, "2026-04-01")]
    [InlineData(10, "2026-04-08")]
    [InlineData(1, "2026-03-26")]
    public void NthWorkingDayAfter_FridayBeforeNauryz2026_SkipsFiveDaysOff(int n, string expected)
    {
        Assert.Equal(Day(expected), Calendar.NthWorkingDayAfter(new DateOnly(2026, 3, 20), n));
    }

    [Fact]
    public void NthWorkingDayAfter_WorkingDay_DoesNotCountTheDayItself()
    {
        Assert.Equal(new DateOnly(2026, 3, 19), Calendar.NthWorkingDayAfter(new DateOnly(2026, 3, 18), 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NthWorkingDayAfter_NBelowOne_Throws(int n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.NthWorkingDayAfter(new DateOnly(2026, 3, 20), n));
    }

    [Fact]
    public void EndOfNthWorkingDayAfter_AfternoonInAlmaty_EndsAt235959AlmatyAsUtc()
    {
        // 15:00 on Friday 20 March 2026 in Almaty.
        var issued = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);

        var end = Calendar.EndOfNthWorkingDayAfter(issued, 5);

        Assert.Equal(TimeSpan.Zero, end.Offset);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 18, 59, 59, TimeSpan.Zero), end);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 23, 59, 59, TimeSpan.FromHours(5)), end);
    }

    [Fact]
    public void EndOfNthWorkingDayAfter_EveningUtcAlreadyNextDayInAlmaty_CountsFromTheNextLocalDay()
    {
        // 20:00 UTC on Thursday 19 March is 01:00 on Friday 20 March in Almaty.
        var issued = new DateTimeOffset(2026, 3, 19, 20, 0, 0, TimeSpan.Zero);

        var end = Calendar.EndOfNthWorkingDayAfter(issued, 5);

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 18, 59, 59, TimeSpan.Zero), end);
    }

    [Fact]
    public void EndOfNthWorkingDayAfter_LastSecondOfTheLocalDay_CountsFromThatDay()
    {
        // 18:59:59 UTC on Thursday 19 March is 23:59:59 the same day in Almaty: 20, 26, 27, 30, 31 March.
        var issued = new DateTimeOffset(2026, 3, 19, 18, 59, 59, TimeSpan.Zero);

        var end = Calendar.EndOfNthWorkingDayAfter(issued, 5);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 18, 59, 59, TimeSpan.Zero), end);
    }

    [Fact]
    public void EndOfNthWorkingDayAfter_StopListOfTenDays_EndsOnTheTenthWorkingDay()
    {
        // 19:00 UTC on Thursday 19 March is midnight starting Friday 20 March in Almaty.
        var annulled = new DateTimeOffset(2026, 3, 19, 19, 0, 0, TimeSpan.Zero);

        var end = Calendar.EndOfNthWorkingDayAfter(annulled, 10);

        // From Friday 20 March: 26, 27, 30, 31 March, 1, 2, 3, 6, 7, 8 April (from Thursday it would be 7 April).
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 18, 59, 59, TimeSpan.Zero), end);
    }

    [Fact]
    public void EndOfNthWorkingDayAfter_BeforeTheClockChange_UsesUtcPlusSix()
    {
        // Monday 26 February 2024, 11:00 in Almaty (UTC+6); the 2nd working day after is Wednesday 28.
        var issued = new DateTimeOffset(2024, 2, 26, 5, 0, 0, TimeSpan.Zero);

        var end = Calendar.EndOfNthWorkingDayAfter(issued, 2);

        Assert.Equal(new DateTimeOffset(2024, 2, 28, 23, 59, 59, TimeSpan.FromHours(6)), end);
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
